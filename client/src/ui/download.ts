/**
 * Fetches an authenticated file (CSV, Markdown) with the Authorization header
 * and hands it to the browser as a download. Throws with a sentence for the
 * user when the server refuses or cannot be reached.
 */
export async function downloadFile(url: string, token: string | null, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new Error("Could not reach the Entente server. Check your connection and try again.");
  }
  if (!res.ok) {
    let message = `The server refused the download (HTTP ${res.status}).`;
    try {
      const body = (await res.json()) as { errors?: { message?: string }[] };
      if (body.errors?.[0]?.message) message = body.errors[0].message;
    } catch {
      // Not JSON: keep the status message.
    }
    throw new Error(message);
  }
  const blob = await res.blob();
  const disposition = res.headers.get("content-disposition") ?? "";
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
