import type { SourceKind, SourceQuality } from '../../sensors/heart-rate-source.ts';

// What the app knows about the signal, in plain words: enough for someone to see that the
// strap is loose, that a sensor sends no beat-to-beat intervals, or that the link dropped.
// Skin contact is only what the strap itself reports; many straps (Polar's among them) do
// not report it, and saying so is more honest than guessing.

const CONTACT_WORDS: Readonly<Record<SourceQuality['contact'], string>> = {
  yes: 'Yes',
  no: 'No: the strap is not touching the skin',
  unknown: 'Not reported by this strap',
};

export function SignalQuality({ quality, kind }: { quality: SourceQuality; kind: SourceKind }) {
  const rr =
    quality.rrSupport === 'yes'
      ? `Yes, ${quality.rrIntervals} so far`
      : quality.rrSupport === 'none'
        ? 'None: this sensor sends heart rate only'
        : 'Waiting…';
  return (
    <section className="signal-quality" aria-labelledby="signal-quality-title">
      <h3 id="signal-quality-title">Signal quality</h3>
      <dl className="device-facts">
        <div>
          <dt>Readings received</dt>
          <dd data-testid="quality-packets">{quality.packets}</dd>
        </div>
        <div>
          <dt>Time between beats</dt>
          <dd data-testid="quality-rr">{rr}</dd>
        </div>
        <div>
          <dt>Unreadable readings</dt>
          <dd data-testid="quality-malformed">
            {quality.malformed === 0 ? 'None' : `${quality.malformed}, skipped`}
          </dd>
        </div>
        {kind === 'bluetooth' ? (
          <div>
            <dt>Skin contact</dt>
            <dd data-testid="quality-contact">{quality.packets === 0 ? 'Waiting…' : CONTACT_WORDS[quality.contact]}</dd>
          </div>
        ) : null}
        {kind === 'bluetooth' ? (
          <div>
            <dt>Dropouts</dt>
            <dd data-testid="quality-gaps">
              {quality.gaps === 0 ? 'None' : `${quality.gaps}, ${Math.round(quality.lostSec)} s missed in all`}
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
