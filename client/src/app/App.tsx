import { type ComponentType, lazy } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { AlumniInvestorsPage } from "../features/alumni/AlumniInvestorsPage";
import { HomePage } from "../features/home/HomePage";
import { LogContactPage } from "../features/interactions/LogContactPage";
import { OrganisationPage } from "../features/organisations/OrganisationPage";
import { OrganisationsListPage } from "../features/organisations/OrganisationsListPage";
import { PeopleListPage } from "../features/people/PeopleListPage";
import { PersonPage } from "../features/people/PersonPage";
import { PlacesListPage } from "../features/places/PlacesListPage";
import { SearchPage } from "../features/search/SearchPage";
import { SignInPage } from "../features/sessions/SignInPage";
import { VisitBriefingPage } from "../features/visits/VisitBriefingPage";
import { VisitsListPage } from "../features/visits/VisitsListPage";
import { VisitPage } from "../features/visits/VisitPage";
import { Page } from "../ui/Page";
import { Layout } from "./Layout";
import { useAuth } from "./auth/AuthProvider";

// Screens used less often load on demand, so the first page (and the three jobs:
// log a contact, alumni finder, briefings) comes with a smaller bundle.
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}
const PrioritiesPage = lazyPage(() => import("../features/priorities/PrioritiesPage").then((m) => m.PrioritiesPage));
const ImportPage = lazyPage(() => import("../features/imports/ImportPage").then((m) => m.ImportPage));
const DataProtectionPage = lazyPage(() => import("../features/data-protection/DataProtectionPage").then((m) => m.DataProtectionPage));
const UsersAdminPage = lazyPage(() => import("../features/members/UsersAdminPage").then((m) => m.UsersAdminPage));
const VisitCalendarPage = lazyPage(() => import("../features/visits/VisitCalendarPage").then((m) => m.VisitCalendarPage));
const VisitFormPage = lazyPage(() => import("../features/visits/VisitFormPage").then((m) => m.VisitFormPage));
const NetworkPage = lazyPage(() => import("../features/network/NetworkPage").then((m) => m.NetworkPage));
const PartnershipPage = lazyPage(() => import("../features/partnerships/PartnershipPage").then((m) => m.PartnershipPage));
const PartnershipsPage = lazyPage(() => import("../features/partnerships/PartnershipsPage").then((m) => m.PartnershipsPage));
const EditOrganisationPage = lazyPage(() => import("../features/organisations/OrganisationFormPage").then((m) => m.EditOrganisationPage));
const NewOrganisationPage = lazyPage(() => import("../features/organisations/OrganisationFormPage").then((m) => m.NewOrganisationPage));
const EditPersonPage = lazyPage(() => import("../features/people/PersonFormPage").then((m) => m.EditPersonPage));
const NewPersonPage = lazyPage(() => import("../features/people/PersonFormPage").then((m) => m.NewPersonPage));

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route element={<RequireAuth />}>
        <Route index element={<HomePage />} />
        <Route path="people" element={<PeopleListPage />} />
        <Route path="people/new" element={<NewPersonPage />} />
        <Route path="people/:id" element={<PersonPage />} />
        <Route path="people/:id/edit" element={<EditPersonPage />} />
        <Route path="organisations" element={<OrganisationsListPage />} />
        <Route path="organisations/new" element={<NewOrganisationPage />} />
        <Route path="organisations/:id" element={<OrganisationPage />} />
        <Route path="organisations/:id/edit" element={<EditOrganisationPage />} />
        <Route path="places" element={<PlacesListPage />} />
        <Route path="partnerships" element={<PartnershipsPage view="map" />} />
        <Route path="partnerships/list" element={<PartnershipsPage view="list" />} />
        <Route path="partnerships/:id" element={<PartnershipPage />} />
        <Route path="network/:id" element={<NetworkPage />} />
        <Route path="log" element={<LogContactPage />} />
        <Route path="alumni" element={<AlumniInvestorsPage />} />
        <Route path="visits" element={<VisitsListPage />} />
        <Route path="visits/calendar" element={<VisitCalendarPage />} />
        <Route path="visits/new" element={<VisitFormPage />} />
        <Route path="visits/:id" element={<VisitPage />} />
        <Route path="visits/:id/edit" element={<VisitFormPage />} />
        <Route path="priorities" element={<PrioritiesPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="visits/:id/briefing" element={<VisitBriefingPage />} />
        <Route path="admin/users" element={<UsersAdminPage />} />
        <Route path="import" element={<ImportPage />} />
        <Route path="admin/data" element={<DataProtectionPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** Signed-in screens share the layout; everyone else is sent to sign in and brought back after. */
function RequireAuth() {
  const { state, retryResume } = useAuth();
  const location = useLocation();
  if (state.status === "resuming") {
    return (
      <main className="splash" id="main-content">
        <p role="status">Signing you in…</p>
      </main>
    );
  }
  if (state.status === "unreachable") {
    return (
      <main className="splash" id="main-content">
        <div className="error-panel" role="alert">
          <h1 className="heading-m">Entente could not be reached</h1>
          <p>{state.message}</p>
          <button type="button" className="button" onClick={retryResume}>
            Try again
          </button>
        </div>
      </main>
    );
  }
  if (state.status === "signedOut") {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search, reason: state.reason }} />;
  }
  return <Layout />;
}

function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p>There is no page at this address. Check it, or use the navigation above.</p>
    </Page>
  );
}
