/**
 * Favourable / unfavourable as colour AND a symbol and word, so it reads in print, in
 * greyscale and for colour-blind users. The server decides favourability (revenue above
 * budget, spend below), so expense and revenue are never confused here.
 */
export function VarianceMarker({ favourable }: { favourable: boolean | null }) {
  if (favourable === null) return <span className="marker even">on budget</span>;
  return favourable ? (
    <span className="marker fav" title="Favourable">
      <span aria-hidden="true">▲ </span>Fav
    </span>
  ) : (
    <span className="marker unfav" title="Unfavourable">
      <span aria-hidden="true">▼ </span>Unfav
    </span>
  );
}

export function toneClass(favourable: boolean | null): string {
  return favourable === null ? '' : favourable ? 'fav' : 'unfav';
}
