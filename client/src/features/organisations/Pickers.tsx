import { useQuery } from "@apollo/client/react";
import { RecordOrganisationOptionsDocument, RecordPlaceOptionsDocument } from "../../generated/graphql";
import { type PickerOption, RecordPicker, Suggestions } from "../../ui/RecordFormParts";
import { describeError } from "../../ui/errors";
import { humanise, placeLabel, withLatin } from "../../ui/format";

// The place and organisation pickers of the person and organisation forms.

type Choice = { id: string; name: string } | null;

interface PickerProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  value: Choice;
  onChange: (value: Choice) => void;
}

function PlaceOptions({ query, pick }: { query: string; pick: (o: PickerOption) => void }) {
  const { data, loading, error } = useQuery(RecordPlaceOptionsDocument, { variables: { query } });
  const options = (data?.places.nodes ?? []).map((p) => ({ id: p.id, label: placeLabel(p), name: placeLabel(p) }));
  return <Suggestions noun="place" query={query} options={options} loading={loading} error={error ? describeError(error) : null} onPick={pick} />;
}

export function PlacePicker(props: PickerProps) {
  return (
    <RecordPicker
      {...props}
      noun="place"
      hint={props.hint ?? "Type a city, region or country, then choose it"}
      options={(query, pick) => <PlaceOptions query={query} pick={pick} />}
    />
  );
}

function OrganisationOptions({ query, pick, exclude }: { query: string; pick: (o: PickerOption) => void; exclude?: string }) {
  const { data, loading, error } = useQuery(RecordOrganisationOptionsDocument, { variables: { query } });
  const options = (data?.organisations.nodes ?? [])
    .filter((o) => o.id !== exclude)
    .map((o) => ({
      id: o.id,
      name: withLatin(o.name, o.nameLatin),
      label: [withLatin(o.name, o.nameLatin), humanise(o.kind), o.place ? placeLabel(o.place) : null].filter(Boolean).join(" · "),
    }));
  return <Suggestions noun="organisation" query={query} options={options} loading={loading} error={error ? describeError(error) : null} onPick={pick} />;
}

/** `exclude`: the organisation being edited (it cannot be its own parent). */
export function OrganisationPicker({ exclude, ...props }: PickerProps & { exclude?: string }) {
  return (
    <RecordPicker
      {...props}
      noun="organisation"
      options={(query, pick) => <OrganisationOptions query={query} pick={pick} exclude={exclude} />}
    />
  );
}
