import { DEMO_PASSWORD } from "./harness.js";

// The GraphQL API of the server under test, for browser tests that need to act
// as "someone else" (save a record in between, check what a request created).

export interface Api {
  <T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** Signs in over the API as a demo account; the returned function runs operations as that user and throws on errors. */
export async function apiAs(baseUrl: string, email: string): Promise<Api> {
  const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join("; ")}`);
    return body.data;
  };
  const login = (await post(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: DEMO_PASSWORD })) as {
    login: { accessToken: string };
  };
  const token = login.login.accessToken;
  return (<T>(query: string, variables: Record<string, unknown> = {}) => post(query, variables, token) as Promise<T>) as Api;
}
