import type { Role } from "../../generated/graphql";

export const ROLES: Role[] = ["ADMIN", "EDITOR", "VIEWER"];

export const ROLE_HINTS: Record<Role, string> = {
  ADMIN: "manages this member's users",
  EDITOR: "records and changes contacts",
  VIEWER: "reads only",
};
