import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { EXAMPLE_QUESTIONS, EXAMPLE_RUNNING_ORDER, hexDump, wordText, workedExample, type WorkedExample } from "@/lib/draw/worked-example";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/site/page-metadata";
import { QuotaSpec } from "./quota-spec";
import { Block, Formula } from "./blocks";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "drawSpec" });
  return pageMetadata(locale, "/hearing/draw-specification", { title: t("title") });
}

type T = Awaited<ReturnType<typeof getTranslations<"drawSpec">>>;

/** Code, hex and formulas read left to right in every language. */
function Code({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <code dir="ltr" className="font-mono text-sm break-all" data-testid={testId}>
      {children}
    </code>
  );
}

/** A formula: wrapped, never scrolled, so it is no stop for the keyboard. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <h2 id={`${id}-title`} className="text-2xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function IdList({ ids, testId }: { ids: readonly string[]; testId: string }) {
  return (
    <ol dir="ltr" className="font-mono text-sm" data-testid={testId}>
      {ids.map((id, k) => (
        <li key={id}>{`[${k}] ${id}`}</li>
      ))}
    </ol>
  );
}

function Example({ t, x, letter, heading }: { t: T; x: WorkedExample; letter: string; heading: string }) {
  const rejected = x.steps.reduce((sum, s) => sum + s.words.filter((w) => !w.accepted).length, 0);
  const widest = Math.max(...x.steps.map((s) => 2 ** 32 - s.limit));
  const leftover = x.blocks.length * 8 - x.steps.reduce((sum, s) => sum + s.words.length, 0);
  const id = `example-${letter.toLowerCase()}`;
  const testId = (name: string) => `${id}-${name}`;
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4" data-testid={id}>
      <h3 id={`${id}-title`} className="text-xl font-semibold">
        {heading}
      </h3>
      <h4 className="font-semibold">{t("example.inputs")}</h4>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt>{t("example.seed")}</dt>
        <dd>
          <Code testId={testId("seed")}>{x.input.seed}</Code>
        </dd>
        <dt>{t("example.kind")}</dt>
        <dd>
          <Code>{x.input.kind}</Code>
        </dd>
        <dt>{t("example.hearingId")}</dt>
        <dd>
          <Code>{x.input.hearingId}</Code>
        </dd>
        <dt>{t("example.candidateId")}</dt>
        <dd>{x.input.candidateId ? <Code>{x.input.candidateId}</Code> : t("example.empty")}</dd>
        <dt>{t("example.entropyTyped")}</dt>
        <dd>
          <Code>{`"${x.input.entropyTyped}"`}</Code>
        </dd>
        <dt>{t("example.count")}</dt>
        <dd>{x.input.count}</dd>
        <dt>{t("example.idsListed")}</dt>
        <dd>
          <IdList ids={x.input.idsListed} testId={testId("listed")} />
        </dd>
      </dl>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt>{t("example.commitment")}</dt>
        <dd>
          <Code testId={testId("commitment")}>{x.commitment}</Code>
        </dd>
        <dt>{t("example.entropy")}</dt>
        <dd>
          <Code testId={testId("entropy")}>{x.entropy}</Code>
        </dd>
        <dt>{t("example.sortedIds")}</dt>
        <dd>
          <IdList ids={x.sortedIds} testId={testId("sorted")} />
        </dd>
      </dl>
      <h4 className="font-semibold">{t("example.messageLines")}</h4>
      <Block label={t("example.messageLines")} testId={testId("lines")}>
        {x.lines.map((line, k) => `${k + 1}: "${line}"`).join("\n")}
      </Block>
      <h4 className="font-semibold">{t("example.messageBytes", { count: x.messageLength })}</h4>
      <Block label={t("example.messageBytes", { count: x.messageLength })} testId={testId("bytes")}>
        {hexDump(x.messageHex)
          .map((row) => `${row.offset}  ${row.bytes.padEnd(47)}  ${row.text}`)
          .join("\n")}
      </Block>
      <h4 className="font-semibold">{t("example.blocks")}</h4>
      {x.blocks.map((b) => (
        <Block key={b.counter} label={t("example.block", { k: b.counter })} testId={testId(`block-${b.counter}`)}>
          {[
            `${t("example.block", { k: b.counter })}`,
            `${t("example.counterBytes")}: ${b.counterHex}`,
            `${t("example.mac")}: ${b.macHex}`,
            ...b.words.map((w, n) => `${t("example.word")} ${b.counter}.${n}: ${wordText(w)}`),
          ].join("\n")}
        </Block>
      ))}
      <h4 className="font-semibold">{t("example.steps")}</h4>
      <p>
        {t("example.wordRef")} {rejected === 0 ? t("example.noRejection", { count: widest }) : t("example.someRejected", { count: rejected })}{" "}
        {t("example.leftover", { count: leftover })}
      </p>
      <div tabIndex={0} role="region" aria-labelledby={`${id}-steps-caption`} className="overflow-x-auto focus:outline-2 focus:outline-brand-700">
        <table className="min-w-full border-collapse text-sm" data-testid={testId("steps")}>
          <caption id={`${id}-steps-caption`} className="sr-only">
            {`${heading} — ${t("example.steps")}`}
          </caption>
          <thead>
            <tr>
              {(["i", "bound", "limit", "wordTaken", "j", "after"] as const).map((key) => (
                <th key={key} scope="col" className="border border-slate-300 p-1 text-start">
                  {t(`example.${key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {x.steps.map((s) => (
              <tr key={s.i}>
                <td dir="ltr" className="border border-slate-300 p-1 font-mono">
                  {s.i}
                </td>
                <td dir="ltr" className="border border-slate-300 p-1 font-mono">
                  {s.bound}
                </td>
                <td dir="ltr" className="border border-slate-300 p-1 font-mono">
                  {s.limit}
                </td>
                <td className="border border-slate-300 p-1 font-mono">
                  {s.words.map((w) => (
                    <div key={`${w.block}.${w.index}`}>
                      <span dir="ltr">{`${w.block}.${w.index}: ${wordText(w.value)}`}</span>
                      {w.accepted ? null : ` (${t("example.rejected")})`}
                    </div>
                  ))}
                </td>
                <td dir="ltr" className="border border-slate-300 p-1 font-mono">
                  {s.j}
                </td>
                <td dir="ltr" className="border border-slate-300 p-1 font-mono">
                  {s.after.join(" ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4 className="font-semibold">{x.input.kind === "RUNNING_ORDER" ? t("example.runningOrder") : t("example.permutation")}</h4>
      <IdList ids={x.permutation} testId={testId("permutation")} />
      {x.input.kind === "QUESTIONS" ? (
        <>
          <h4 className="font-semibold">{t("example.drawn", { count: x.input.count })}</h4>
          <IdList ids={x.drawn} testId={testId("drawn")} />
        </>
      ) : null}
    </section>
  );
}

/**
 * The draw specified to the byte (docs/draw-specification.md, in the six languages), with its
 * worked example computed by the implementation at render, so that the values are its own.
 */
export default async function Page({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "drawSpec" });
  const code = (chunks: ReactNode) => <Code>{chunks}</Code>;
  const a = workedExample(EXAMPLE_RUNNING_ORDER);
  const b = workedExample(EXAMPLE_QUESTIONS);
  const sections = [
    ["overview", t("overview.title")],
    ["seed", t("seed.title")],
    ["commitment", t("commitment.title")],
    ["entropy", t("entropy.title")],
    ["ids", t("ids.title")],
    ["message", t("message.title")],
    ["blocks", t("blocks.title")],
    ["words", t("words.title")],
    ["rejection", t("rejection.title")],
    ["shuffle", t("shuffle.title")],
    ["result", t("result.title")],
    ["check", t("check.title")],
    ["example", t("example.title")],
    ["v1", t("v1.title")],
    ["quota", (await getTranslations({ locale, namespace: "questionQuota" }))("spec.title")],
  ] as const;
  const title = Object.fromEntries(sections) as Record<(typeof sections)[number][0], string>;

  return (
    <article className="max-w-4xl space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="max-w-prose">{t("intro")}</p>
        <p className="max-w-prose">{t.rich("source", { code })}</p>
        <p className="max-w-prose text-sm">{t("notation")}</p>
        <p>
          <Link href="/hearing/verify" className="link">
            {t("verifyLink")}
          </Link>
        </p>
      </header>

      <nav aria-labelledby="contents-title">
        <h2 id="contents-title" className="text-xl font-semibold">
          {t("contents")}
        </h2>
        <ul className="mt-2 space-y-1">
          {sections.map(([id, text]) => (
            <li key={id}>
              <a href={`#${id}-title`} className="link">
                {text}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <Section id="overview" title={title.overview}>
        <ol className="list-decimal space-y-2 ps-6">
          <li>{t("overview.commit")}</li>
          <li>{t("overview.draw")}</li>
          <li>{t("overview.reveal")}</li>
        </ol>
        <p>{t("overview.alone")}</p>
      </Section>

      <Section id="seed" title={title.seed}>
        <p>{t("seed.body")}</p>
        <Formula>{"seed = 32 random bytes, written as [0-9a-f]{64}"}</Formula>
      </Section>

      <Section id="commitment" title={title.commitment}>
        <p>{t("commitment.body")}</p>
        <Formula>{"commitment = lowercase hex( SHA-256( the 32 seed bytes ) )"}</Formula>
        <p>{t("commitment.voided")}</p>
      </Section>

      <Section id="entropy" title={title.entropy}>
        <p>{t("entropy.body")}</p>
        <ol className="list-decimal space-y-1 ps-6">
          <li>{t("entropy.step1")}</li>
          <li>{t("entropy.step2")}</li>
        </ol>
        <Formula>{"entropy = input with every White_Space character removed; it must match ^[0-9]{4,64}$"}</Formula>
        <p>{t("entropy.asText")}</p>
        <p>
          {t("entropy.example")} <Code>{`"${a.input.entropyTyped}" → ${a.entropy}`}</Code>
        </p>
      </Section>

      <Section id="ids" title={title.ids}>
        <p>{t("ids.pattern")}</p>
        <Formula>{"id = ^[A-Za-z0-9_-]{1,100}$"}</Formula>
        <p>
          {t("ids.sort")} <Code>{"- (2d) < 0–9 (30–39) < A–Z (41–5a) < _ (5f) < a–z (61–7a)"}</Code>; {t("ids.sortExample")}
        </p>
        <p>{t("ids.eligible")}</p>
      </Section>

      <Section id="message" title={title.message}>
        <p>{t("message.body")}</p>
        <table className="border-collapse text-sm">
          <thead>
            <tr>
              <th scope="col" className="border border-slate-300 p-1 text-start">
                {t("message.line")}
              </th>
              <th scope="col" className="border border-slate-300 p-1 text-start">
                {t("message.content")}
              </th>
            </tr>
          </thead>
          <tbody>
            {[
              ["1", <Code key="l1">hustings-draw-v2</Code>],
              [
                "2",
                <>
                  {t("message.l2")}: <Code>RUNNING_ORDER</Code> | <Code>QUESTIONS</Code>
                </>,
              ],
              ["3", t("message.l3")],
              ["4", t("message.l4")],
              ["5", t("message.l5")],
              ["6, 7, …", t("message.l6")],
            ].map(([line, content]) => (
              <tr key={String(line)}>
                <td className="border border-slate-300 p-1 font-mono">{line}</td>
                <td className="border border-slate-300 p-1">{content}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Formula>{'M = ASCII( join("\\n", ["hustings-draw-v2", kind, hearingId, candidateId or "", entropy, id₀, id₁, …]) )'}</Formula>
        <p>{t("message.none")}</p>
      </Section>

      <Section id="blocks" title={title.blocks}>
        <p>{t("blocks.body")}</p>
        <Formula>
          {["K    = the 32 seed bytes", "C(k) = uint32_big_endian(k)        (k = 0 → 00 00 00 00)", "B(k) = HMAC-SHA256(K, M ‖ C(k))"].join("\n")}
        </Formula>
      </Section>

      <Section id="words" title={title.words}>
        <p>{t("words.body")}</p>
        <Formula>{"word(k, n) = uint32_big_endian( B(k)[4n .. 4n+3] ),  n = 0 … 7"}</Formula>
      </Section>

      <Section id="rejection" title={title.rejection}>
        <p>{t("rejection.body")}</p>
        <Formula>{["limit = 2^32 − (2^32 mod bound)", "repeat w = next word  until w < limit", "j = w mod bound"].join("\n")}</Formula>
        <p>{t("rejection.powerOfTwo")}</p>
      </Section>

      <Section id="shuffle" title={title.shuffle}>
        <p>{t("shuffle.body")}</p>
        <Formula>
          {["L = sorted eligible ids", "for i = n−1, n−2, …, 1:", "    bound = i + 1", "    j = index(bound)", "    swap L[i], L[j]"].join("\n")}
        </Formula>
        <p>{t("shuffle.small")}</p>
      </Section>

      <Section id="result" title={title.result}>
        <ul className="list-disc space-y-1 ps-6">
          <li>{t("result.runningOrder")}</li>
          <li>{t("result.questions")}</li>
        </ul>
      </Section>

      <Section id="check" title={title.check}>
        <p>{t("check.published")}</p>
        <ul className="list-disc space-y-1 ps-6">
          <li>{t("check.p1")}</li>
          <li>{t("check.p2")}</li>
          <li>{t("check.p3")}</li>
        </ul>
        <p>{t("check.steps")}</p>
        <ol className="list-decimal space-y-1 ps-6">
          <li>{t("check.c1")}</li>
          <li>{t("check.c2")}</li>
          <li>{t("check.c3")}</li>
          <li>{t("check.c4")}</li>
          <li>{t("check.c5")}</li>
          <li>{t("check.c6")}</li>
        </ol>
        <p>{t("check.void")}</p>
      </Section>

      <Section id="example" title={title.example}>
        <p>{t("example.intro")}</p>
        <Example t={t} x={a} letter="A" heading={t("example.a", { count: a.sortedIds.length })} />
        <Example t={t} x={b} letter="B" heading={t("example.b", { count: b.input.count, total: b.sortedIds.length })} />
      </Section>

      <Section id="v1" title={title.v1}>
        <p>{t("v1.body")}</p>
        <Formula>
          {
            'block k = HMAC-SHA256(the 32 seed bytes, UTF-8("hustings-draw-v1|" + kind + "|" + hearingId + "|" + (candidateId or "") + "|" + join(",", sorted ids) + "|" + decimal(k)))'
          }
        </Formula>
      </Section>

      <QuotaSpec locale={locale} />
    </article>
  );
}
