import { NetworkStatus } from "@apollo/client";
import { useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { useViewer } from "../../app/auth/AuthProvider";
import { type ManagedUserFragment, MemberUsersDocument, type Role, UpdateUserDocument } from "../../generated/graphql";
import { LoadMore } from "../../ui/LoadMore";
import { Page } from "../../ui/Page";
import { RoleBadge } from "../../ui/badges";
import { describeError, errorCode } from "../../ui/errors";
import { humanise } from "../../ui/format";
import { Empty, Loading, QueryError } from "../../ui/states";
import { CreateUserForm } from "./CreateUserForm";
import { ROLES } from "./roles";


export function UsersAdminPage() {
  const viewer = useViewer();
  const [announcement, setAnnouncement] = useState("");
  if (viewer.role !== "ADMIN") {
    return (
      <Page title="Users">
        <div className="notice" role="status">
          Only admins can manage users. Ask an admin of {viewer.member.name} to add or change accounts.
        </div>
      </Page>
    );
  }
  return (
    <Page title="Users" caption={viewer.member.name}>
      <p className="lead">Everyone who signs in for {viewer.member.shortName ?? viewer.member.name}. Disabled accounts cannot sign in.</p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="admin-layout">
        <UserList memberId={viewer.member.id} viewerId={viewer.id} announce={setAnnouncement} />
        <CreateUserForm memberId={viewer.member.id} announce={setAnnouncement} />
      </div>
    </Page>
  );
}

function UserList({ memberId, viewerId, announce }: { memberId: string; viewerId: string; announce: (message: string) => void }) {
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(MemberUsersDocument, {
    variables: { memberId },
    notifyOnNetworkStatusChange: true,
  });
  const users = data?.member?.users;
  return (
    <section aria-labelledby="users-title" className="section">
      <h2 id="users-title" className="heading-m">
        Accounts{users ? ` (${users.totalCount})` : ""}
      </h2>
      {error ? <QueryError what="Users" error={error} retry={() => void refetch()} /> : null}
      {!data && !error ? <Loading label="Loading users…" /> : null}
      {data && !data.member ? <Empty title="Your member could not be found" /> : null}
      {users ? (
        <>
          <ul className="user-list">
            {users.nodes.map((user) => (
              // A new version remounts the row, so its role picker shows the saved role.
              <UserRow key={`${user.id}:${user.version}`} user={user} isSelf={user.id === viewerId} announce={announce} />
            ))}
          </ul>
          <LoadMore
            shown={users.nodes.length}
            total={users.totalCount}
            hasMore={users.pageInfo.hasNextPage}
            loading={networkStatus === NetworkStatus.fetchMore}
            noun={["user", "users"]}
            onLoadMore={() => void fetchMore({ variables: { after: users.pageInfo.endCursor } })}
          />
        </>
      ) : null}
    </section>
  );
}

function UserRow({ user, isSelf, announce }: { user: ManagedUserFragment; isSelf: boolean; announce: (message: string) => void }) {
  const [role, setRole] = useState<Role>(user.role);
  const [problem, setProblem] = useState<string | null>(null);
  const [update, { loading, client }] = useMutation(UpdateUserDocument);
  const selectId = `role-${user.id}`;

  async function save(input: { role?: Role; disabled?: boolean }, done: string) {
    setProblem(null);
    try {
      await update({ variables: { id: user.id, version: user.version, input } });
      announce(done);
    } catch (err) {
      setProblem(
        errorCode(err) === "CONFLICT"
          ? "Someone else changed this account while you were looking. It now shows their change; try again if you still need to."
          : describeError(err),
      );
      if (errorCode(err) === "CONFLICT") await client.refetchQueries({ include: [MemberUsersDocument] });
    }
  }

  return (
    <li className={user.disabled ? "user user--disabled" : "user"}>
      <div className="user__identity">
        <p className="user__name">
          {user.name}
          {isSelf ? <span className="muted"> (you)</span> : null}
        </p>
        <p className="user__line">{user.email}</p>
        {user.jobTitle ? <p className="user__line muted">{user.jobTitle}</p> : null}
        <p className="user__badges">
          <RoleBadge role={user.role} />
          {user.disabled ? <span className="badge badge--disabled">Disabled</span> : <span className="badge badge--active">Active</span>}
        </p>
      </div>
      <div className="user__actions">
        {isSelf ? (
          <p className="hint hint--small">Another admin must change your own role or account.</p>
        ) : (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void save({ role }, `${user.name} is now ${humanise(role).toLowerCase()}.`);
            }}
          >
            <label className="label label--small" htmlFor={selectId}>
              Role<span className="visually-hidden"> of {user.name}</span>
            </label>
            <div className="inline-form__row">
              <select
                id={selectId}
                className="select select--small"
                value={role}
                disabled={loading}
                onChange={(e) => setRole(e.target.value as Role)}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {humanise(r)}
                  </option>
                ))}
              </select>
              <button type="submit" className="button button--small button--secondary" disabled={loading || role === user.role}>
                Change role<span className="visually-hidden"> of {user.name}</span>
              </button>
            </div>
          </form>
        )}
        {!isSelf ? (
          <button
            type="button"
            className={user.disabled ? "button button--small button--secondary" : "button button--small button--warning"}
            disabled={loading}
            onClick={() =>
              void save(
                { disabled: !user.disabled },
                user.disabled ? `${user.name} can sign in again.` : `${user.name} is disabled and signed out everywhere.`,
              )
            }
          >
            {user.disabled ? "Enable" : "Disable"}
            <span className="visually-hidden"> {user.name}</span>
          </button>
        ) : null}
      </div>
      {problem ? (
        <p className="error-message user__problem" role="alert">
          {problem}
        </p>
      ) : null}
    </li>
  );
}
