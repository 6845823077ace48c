const regionNames = new Intl.DisplayNames(["en-GB"], { type: "region" });
const languageNames = new Intl.DisplayNames(["en-GB"], { type: "language" });
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
const numberFormat = new Intl.NumberFormat("en-GB");

/** "CITY_GOVERNMENT" → "City government". */
export function humanise(value: string): string {
  const words = value.toLowerCase().split("_").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "JP" → "Japan" (the browser knows every ISO 3166 code). */
export function countryName(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "yo" → "Yoruba"; anything the browser does not know is shown as given. */
export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A calendar date (YYYY-MM-DD) as "12 March 2026". */
export function formatDate(date: string): string {
  const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date : dateFormat.format(parsed);
}

export function formatDateTime(instant: string): string {
  const parsed = new Date(instant);
  return Number.isNaN(parsed.getTime()) ? instant : dateTimeFormat.format(parsed);
}

export function formatCount(n: number, one: string, many: string): string {
  return `${numberFormat.format(n)} ${n === 1 ? one : many}`;
}

/** A name with its Latin transliteration: "豊田市 (Toyota City)". */
export function withLatin(name: string, latin: string | null | undefined): string {
  return latin && latin !== name ? `${name} (${latin})` : name;
}

export function placeLabel(place: { name: string; nameLatin: string | null; kind: string; countryCode: string }): string {
  const name = withLatin(place.name, place.nameLatin);
  return place.kind === "COUNTRY" ? name : `${name}, ${countryName(place.countryCode)}`;
}

export function dateRange(from: string | null, to: string | null): string | null {
  if (!from && !to) return null;
  if (from && to) return `${formatDate(from)} to ${formatDate(to)}`;
  return from ? `Since ${formatDate(from)}` : `Until ${formatDate(to ?? "")}`;
}
