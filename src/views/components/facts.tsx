// Label and value rows of one record's page (a definition list); a row whose value is `false`
// (nothing recorded) is left out rather than shown empty.
export function Facts({ rows }: { rows: Array<[label: string, value: JSX.Element | false]> }): JSX.Element {
  const shown = rows.filter((row): row is [string, JSX.Element] => row[1] !== false);
  return (
    <dl class="rk-facts">
      {shown.map(([label, value]) => (
        <div class="rk-facts__row">
          <dt safe>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
