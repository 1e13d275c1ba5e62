/**
 * Favourable / unfavourable as colour AND a symbol and word, so it reads in print, in
 * greyscale and for colour-blind users. The symbols say good or bad news, never a direction
 * (an arrow up on spend that went down read as "went up"). The server decides favourability
 * (revenue above budget, spend below), so expense and revenue are never confused here.
 */
export function VarianceMarker({ favourable }: { favourable: boolean | null }) {
  if (favourable === null) return <span className="marker even">on budget</span>;
  return favourable ? (
    <span className="marker fav" title="Favourable: spend under budget or revenue over budget">
      <span aria-hidden="true">✓ </span>Fav
    </span>
  ) : (
    <span className="marker unfav" title="Unfavourable: spend over budget or revenue under budget">
      <span aria-hidden="true">✗ </span>Unfav
    </span>
  );
}

export function toneClass(favourable: boolean | null): string {
  return favourable === null ? '' : favourable ? 'fav' : 'unfav';
}
