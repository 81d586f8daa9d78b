import type { ReactNode } from "react";
import { Table, TBody, Td, Th, THead } from "./table";

/** A two-column table whose first column heads each row (what → its value). */
export function KeyValueTable({
  label,
  headers,
  rows,
  valueClassName,
}: {
  label: string;
  headers: [string, string];
  rows: { label: string; value: ReactNode }[];
  valueClassName?: string;
}) {
  return (
    <Table aria-label={label}>
      <THead>
        <tr>
          <Th>{headers[0]}</Th>
          <Th>{headers[1]}</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <tr key={r.label}>
            <Th scope="row" className="text-left font-normal">
              {r.label}
            </Th>
            <Td className={valueClassName}>{r.value}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
