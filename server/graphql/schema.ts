import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { MapperKind, getDirective, mapSchema } from "@graphql-tools/utils";
import { type GraphQLFieldConfig, type GraphQLSchema, defaultFieldResolver, isObjectType } from "graphql";
import { type Context, viewerOf } from "../context.js";
import { forbidden } from "../errors.js";
import { type OwnedRecord, type Role, canEdit, hasRole } from "../policy/sharing.policy.js";
import { toGlobalId } from "./global-id.js";
import { resolvers } from "./resolvers.js";
import { DateScalar, DateTimeScalar } from "./scalars.js";

export const schemaDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../schema");

export function loadTypeDefs(dir = schemaDir): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"));
}

export function buildSchema(): GraphQLSchema {
  const base = makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [
      {
        Date: DateScalar,
        DateTime: DateTimeScalar,
        Node: { __resolveType: (obj: { __typename?: string }) => obj.__typename ?? null },
        Owned: { __resolveType: (obj: { __typename?: string }) => obj.__typename ?? null },
      },
      ...resolvers,
    ],
  });
  return secureOperations(addNodeAndOwnedFields(base));
}

/**
 * Secure by default: every Query and Mutation field must say @auth or @public,
 * or the server refuses to start. @auth fields check the viewer and role
 * before their resolver runs.
 */
function secureOperations(schema: GraphQLSchema): GraphQLSchema {
  const unmarked: string[] = [];
  const secured = mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (field: GraphQLFieldConfig<unknown, Context>, fieldName, typeName) => {
      const auth = getDirective(schema, field, "auth")?.[0] as { role: Role } | undefined;
      const isPublic = Boolean(getDirective(schema, field, "public")?.[0]);
      if (auth && isPublic) unmarked.push(`${typeName}.${fieldName} (both @auth and @public)`);
      if (!auth && !isPublic) unmarked.push(`${typeName}.${fieldName}`);
      if (!auth) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve: (source, args, ctx, info) => {
          const viewer = viewerOf(ctx);
          if (!hasRole(viewer, auth.role)) throw forbidden(`This needs the ${auth.role} role.`);
          return resolve(source, args, ctx, info);
        },
      };
    },
  });
  if (unmarked.length > 0) {
    throw new Error(`Schema fields without @auth or @public: ${unmarked.join(", ")}`);
  }
  return secured;
}

/** `id` on every Node and the Owned fields come from one place instead of every module. */
function addNodeAndOwnedFields(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field: GraphQLFieldConfig<Record<string, unknown>, Context>, fieldName, typeName) => {
      const type = schema.getType(typeName);
      if (!isObjectType(type) || field.resolve) return field;
      const interfaces = type.getInterfaces().map((i) => i.name);
      if (fieldName === "id" && interfaces.includes("Node")) {
        return { ...field, resolve: (src) => toGlobalId(typeName, String(src.id)) };
      }
      if (interfaces.includes("Owned")) {
        if (fieldName === "ownerMember") {
          return { ...field, resolve: (src, _a, ctx) => ctx.loaders.members.byId.load(String(src.ownerMemberId)) };
        }
        if (fieldName === "canEdit") {
          return { ...field, resolve: (src, _a, ctx) => canEdit(viewerOf(ctx), src as unknown as OwnedRecord) };
        }
      }
      return field;
    },
  });
}
