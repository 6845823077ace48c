import { useQuery } from "@apollo/client/react";
import { useEffect } from "react";
import { CountriesDocument } from "../../generated/graphql";
import { describeError } from "../../ui/errors";
import { FilterSelect } from "../../ui/filters";
import { countryName } from "../../ui/format";

interface Props {
  id: string;
  value: string;
  onChange: (countryCode: string) => void;
  label?: string;
}

/** Every country in the reference data (fetched page by page, cached for the session). */
export function CountrySelect({ id, value, onChange, label = "Country" }: Props) {
  const { data, error, fetchMore } = useQuery(CountriesDocument);
  const page = data?.places.pageInfo;
  useEffect(() => {
    if (page?.hasNextPage && page.endCursor) void fetchMore({ variables: { after: page.endCursor } });
  }, [page?.hasNextPage, page?.endCursor, fetchMore]);

  const countries = [...(data?.places.nodes ?? [])].sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  const known = countries.some((c) => c.countryCode === value);
  return (
    <FilterSelect
      id={id}
      label={label}
      value={value}
      onCommit={onChange}
      error={error ? `Countries could not be loaded: ${describeError(error)}` : null}
    >
      <option value="">Any country</option>
      {value && !known ? <option value={value}>{countryName(value)}</option> : null}
      {countries.map((c) => (
        <option key={c.id} value={c.countryCode}>
          {c.name}
        </option>
      ))}
    </FilterSelect>
  );
}
