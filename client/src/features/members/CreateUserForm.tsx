import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { CreateUserDocument, MemberUsersDocument, type Role } from "../../generated/graphql";
import { ErrorSummary, type FieldProblem } from "../../ui/ErrorSummary";
import { SelectField, TextField } from "../../ui/fields";
import { fieldProblems } from "../../ui/errors";
import { humanise } from "../../ui/format";
import { ROLES, ROLE_HINTS } from "./roles";

const MIN_PASSWORD = 10;

// Server field names → this form's inputs (for error summary links).
const FIELDS = {
  "input.email": { id: "new-user-email", label: "Email address" },
  "input.name": { id: "new-user-name", label: "Full name" },
  "input.jobTitle": { id: "new-user-job-title", label: "Job title" },
  "input.role": { id: "new-user-role", label: "Role" },
  "input.password": { id: "new-user-password", label: "Password" },
};

const EMPTY = { email: "", name: "", jobTitle: "", role: "EDITOR" as Role, password: "" };

export function CreateUserForm({ memberId, announce }: { memberId: string; announce: (message: string) => void }) {
  const [values, setValues] = useState(EMPTY);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [create, { loading }] = useMutation(CreateUserDocument, {
    refetchQueries: [{ query: MemberUsersDocument, variables: { memberId } }],
    awaitRefetchQueries: true,
  });
  const errorFor = (id: string) => problems.find((p) => p.field === id)?.message ?? null;
  const change = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const found: FieldProblem[] = [];
    if (!values.email.trim()) found.push({ field: FIELDS["input.email"].id, message: "Enter their email address" });
    if (!values.name.trim()) found.push({ field: FIELDS["input.name"].id, message: "Enter their full name" });
    if (values.password.length < MIN_PASSWORD) {
      found.push({ field: FIELDS["input.password"].id, message: `Password must be at least ${MIN_PASSWORD} characters` });
    }
    setProblems(found);
    if (found.length) return;
    try {
      const { data } = await create({
        variables: {
          input: {
            email: values.email.trim(),
            name: values.name.trim(),
            jobTitle: values.jobTitle.trim() || null,
            role: values.role,
            password: values.password,
          },
        },
      });
      setValues(EMPTY);
      announce(`${data?.createUser.name ?? "The user"} was added as ${humanise(values.role).toLowerCase()}.`);
    } catch (err) {
      setProblems(fieldProblems(err, FIELDS));
    }
  }

  return (
    <section aria-labelledby="new-user-title" className="panel">
      <h2 id="new-user-title" className="heading-m">
        Add a user
      </h2>
      <ErrorSummary problems={problems} />
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id={FIELDS["input.email"].id}
          label="Email address"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={values.email}
          onChange={change("email")}
          error={errorFor(FIELDS["input.email"].id)}
        />
        <TextField
          id={FIELDS["input.name"].id}
          label="Full name"
          autoComplete="off"
          value={values.name}
          onChange={change("name")}
          error={errorFor(FIELDS["input.name"].id)}
        />
        <TextField
          id={FIELDS["input.jobTitle"].id}
          label="Job title (optional)"
          autoComplete="off"
          value={values.jobTitle}
          onChange={change("jobTitle")}
          error={errorFor(FIELDS["input.jobTitle"].id)}
        />
        <SelectField
          id={FIELDS["input.role"].id}
          label="Role"
          value={values.role}
          onChange={change("role")}
          error={errorFor(FIELDS["input.role"].id)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {humanise(r)}: {ROLE_HINTS[r]}
            </option>
          ))}
        </SelectField>
        <TextField
          id={FIELDS["input.password"].id}
          label="Starting password"
          hint={`At least ${MIN_PASSWORD} characters. Give it to them securely; they can change it later.`}
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={change("password")}
          error={errorFor(FIELDS["input.password"].id)}
        />
        <button type="submit" className="button" disabled={loading}>
          {loading ? "Adding…" : "Add user"}
        </button>
      </form>
    </section>
  );
}
