import { Navigate, Route, Routes, useLocation } from "react-router";
import { AlumniInvestorsPage } from "../features/alumni/AlumniInvestorsPage";
import { HomePage } from "../features/home/HomePage";
import { LogContactPage } from "../features/interactions/LogContactPage";
import { UsersAdminPage } from "../features/members/UsersAdminPage";
import { OrganisationPage } from "../features/organisations/OrganisationPage";
import { OrganisationsListPage } from "../features/organisations/OrganisationsListPage";
import { PeopleListPage } from "../features/people/PeopleListPage";
import { PersonPage } from "../features/people/PersonPage";
import { PlacesListPage } from "../features/places/PlacesListPage";
import { SearchPage } from "../features/search/SearchPage";
import { SignInPage } from "../features/sessions/SignInPage";
import { VisitBriefingPage } from "../features/visits/VisitBriefingPage";
import { VisitsListPage } from "../features/visits/VisitsListPage";
import { ImportPage } from "../features/imports/ImportPage";
import { DataProtectionPage } from "../features/data-protection/DataProtectionPage";
import { Page } from "../ui/Page";
import { Layout } from "./Layout";
import { useAuth } from "./auth/AuthProvider";

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route element={<RequireAuth />}>
        <Route index element={<HomePage />} />
        <Route path="people" element={<PeopleListPage />} />
        <Route path="people/:id" element={<PersonPage />} />
        <Route path="organisations" element={<OrganisationsListPage />} />
        <Route path="organisations/:id" element={<OrganisationPage />} />
        <Route path="places" element={<PlacesListPage />} />
        <Route path="log" element={<LogContactPage />} />
        <Route path="alumni" element={<AlumniInvestorsPage />} />
        <Route path="visits" element={<VisitsListPage />} />
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
