import type { HeaderList } from '@/lib/report/schema';

export function HeadersTable({ headers, label }: { headers: HeaderList; label: string }) {
  if (headers.length === 0) return <p className="text-xs italic text-slate-500">No headers</p>;
  return (
    <table className="w-full table-fixed text-left font-mono text-xs">
      <caption className="sr-only">{label}</caption>
      <tbody className="divide-y divide-slate-100">
        {headers.map(([name, value], index) => (
          <tr key={`${name}-${index}`}>
            <th
              scope="row"
              className="w-1/3 break-all py-1 pr-3 align-top font-medium text-slate-500"
            >
              {name}
            </th>
            <td className="break-all py-1 align-top text-slate-900">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
