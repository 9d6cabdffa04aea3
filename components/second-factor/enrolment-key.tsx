import { QrCode } from "./qr-code";

type Text = { scan: string; qrLabel: string; typeKey: string; key: string; uri: string };

/** Groups of four, as authenticator apps show and people type them. */
function grouped(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

/** What the authenticator app is given: the QR code, and the same as text for typing or copying. */
export function EnrolmentKey({ secret, uri, text }: { secret: string; uri: string; text: Text }) {
  return (
    <div className="space-y-3">
      <p>{text.scan}</p>
      <QrCode value={uri} label={text.qrLabel} />
      <p>{text.typeKey}</p>
      <dl className="space-y-2">
        <div>
          <dt className="font-medium">{text.key}</dt>
          <dd dir="ltr" data-testid="totp-secret" data-secret={secret} className="font-mono text-lg tracking-wider break-all">
            {grouped(secret)}
          </dd>
        </div>
        <div>
          <dt className="font-medium">{text.uri}</dt>
          <dd dir="ltr" className="font-mono text-sm break-all text-slate-700">
            {uri}
          </dd>
        </div>
      </dl>
    </div>
  );
}
