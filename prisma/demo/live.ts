// The live demo: a conference dated from the day it is loaded (the clock at load time), so
// that everything the portal does can be tried on any date — candidatures formal, forums
// open, the hearing today with its seed committed and its running order drawn. Every person
// in it is fictional and marked as demo content; the Member States, posts and rules are real
// (docs/domain.md). Relative imports only: prisma/seed.ts runs this under tsx, outside Next.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { PrismaClient } from "../../lib/db/client";
import { sealSeedWith } from "../../lib/draw/seal-core";
import { createSeed, normaliseEntropy, seedHash } from "../../lib/draw/verifiable-draw";
import { writeRunningOrder } from "../../lib/hearings/write-running-order";
import { ADMISSIONS_AFTER_BASELINE, parseMemberStates } from "../../lib/member-states/csv";
import { toLocalDateTime, zonedWallTimeToUtc } from "../../lib/time/zones";
import { DEMO_ACCOUNTS, ELECTED_POSTS, REGIONAL_POSTS } from "../demo-data";
import { demoPasswordHash } from "./accounts";
import { storeDemoBrochure, storeDemoPhoto, storeDemoVideo, type DemoStore } from "./content";

export const LIVE_DEMO_SLUG = "demo-live";
export const LIVE_DEMO_TIME_ZONE = "Europe/Zurich";
/** Days from the load to the opening: past the GR170 deadline (28 days before), so candidatures are formal. */
export const LIVE_DEMO_OPENS_IN_DAYS = 21;
const CONFERENCE_DAYS = 19;
/**
 * The portal's own multi-audio stand-in (public/media/interpretation): it plays offline, on this
 * site's origin, with the floor and six interpretations (docs/decisions/039-interpretation-and-player.md).
 */
export const LIVE_DEMO_WEBCAST = "/media/interpretation/master.m3u8";
/** The demo hearing is interpreted into the six languages, as the organisation's hearings are. */
const LIVE_DEMO_INTERPRETATION = ["ar", "en", "es", "fr", "ru", "zh"];
/** The dice "rolled in the room" for the running order (docs/draw-specification.md). */
export const LIVE_DEMO_ENTROPY = "4 2 6 1 5 3";
const DAY_MS = 86_400_000;
const DEMO = "[Demo content — a fictional candidate.]";
/** Seeded questions have no real sender: a fixed marker stands for the keyed address hash. */
const DEMO_IP_HASH = createHash("sha256").update("hustings-live-demo").digest("hex");

/** What the orchestration (prisma/seed.ts) passes in. */
export type LiveDemoContext = {
  /** The key that seals the hearing's seed (lib/draw/seal-core.ts); null leaves the hearing at its set-up. */
  sealingKey: Buffer | null;
  /** The clock of the load; now by default. */
  now?: Date;
  /** Member State ids by ISO alpha-3, when already loaded; read (or loaded) here otherwise. */
  states?: Map<string, string>;
  /** Where the generated photos, brochures and video go (prisma/demo/content.ts); the app's store by default. */
  store?: DemoStore;
  /** Run on the new hearing at its set-up, before its seed is committed (prisma/demo/quota.ts sets the quota). */
  beforeCommit?: (hearingId: string) => Promise<void>;
};

export type LiveDemoResult = { conferenceId: string; hearingId: string | null; created: boolean; hearingNote: string | null };

type Lang = "en" | "fr" | "es" | "ar" | "ru" | "zh";

type LiveCandidate = {
  key: string;
  name: string;
  post: string;
  state: string;
  languages: string[];
  isInternal?: boolean;
  /** What the candidate stands for, in English and in a second language. */
  theme: { en: string } & Partial<Record<Lang, string>>;
  biography: string;
};

// Five elected posts, all contested (¶6: they present at the hearing); no presenter from the
// chair's (NZL) or the member's administration, so the chair stays impartial (¶8).
const ELECTED: LiveCandidate[] = [
  {
    key: "sg-chl",
    name: "Valentina Aráoz Figueroa",
    post: "SG",
    state: "CHL",
    languages: ["es", "en", "fr"],
    theme: {
      en: "I will propose a Union budget published line by line every quarter, with the result each line paid for set beside it.",
      es: "Propondré un presupuesto de la Unión publicado partida por partida cada trimestre, con el resultado que financia cada partida al lado.",
    },
    biography: "Fictional regulator and engineer; twenty years in spectrum management and consumer protection.",
  },
  {
    key: "sg-ken",
    name: "Daniel Otieno Wafula",
    post: "SG",
    state: "KEN",
    languages: ["en", "sw", "fr"],
    theme: {
      en: "Half of humanity still pays too much for too little connectivity; I will make affordability the Union's first measure of success.",
      fr: "La moitié de l'humanité paie encore trop cher une connectivité insuffisante ; je ferai de l'accessibilité financière la première mesure du succès de l'Union.",
    },
    biography: "Fictional minister's adviser on digital policy, formerly a mobile network planner.",
  },
  {
    key: "sg-idn",
    name: "Ratna Kusumawardani",
    post: "SG",
    state: "IDN",
    languages: ["id", "en", "zh"],
    theme: {
      en: "Island states and archipelagos need resilient links more than any other: I will put disaster-proof networks at the heart of our work.",
      zh: "岛屿国家和群岛国家比任何国家都更需要有韧性的连接：我将把抗灾网络置于我们工作的核心。",
    },
    biography: "Fictional head of a national emergency-telecommunication programme.",
  },
  {
    key: "dsg-irl",
    name: "Siobhán Ní Bhriain",
    post: "DSG",
    state: "IRL",
    languages: ["en", "ga", "fr"],
    theme: {
      en: "A Deputy Secretary-General runs the house: I will answer every Member State's letter within thirty days and publish how long each one took.",
      fr: "Le Vice-Secrétaire général fait fonctionner la maison : je répondrai à chaque lettre d'un État Membre dans les trente jours et je publierai le délai de chaque réponse.",
    },
    biography: "Fictional public administrator, formerly head of a regulator's secretariat.",
  },
  {
    key: "dsg-sen",
    name: "Aminata Diallo Sène",
    post: "DSG",
    state: "SEN",
    languages: ["fr", "wo", "en"],
    isInternal: true,
    theme: {
      en: "I have worked inside the Union for fifteen years; I know where the delays are, and I will remove them one by one, in public.",
      fr: "Je travaille au sein de l'Union depuis quinze ans ; je sais où sont les retards, et je les supprimerai un par un, publiquement.",
    },
    biography: "Fictional official of the Union (internal candidate), in charge of conference services.",
  },
  {
    key: "br-arg",
    name: "Martín Echeverría Luján",
    post: "BR",
    state: "ARG",
    languages: ["es", "en", "pt"],
    theme: {
      en: "Satellite filings should be processed in half the time, with every step visible to the filing administration.",
      es: "Las notificaciones de satélites deberían tramitarse en la mitad del tiempo, con cada paso visible para la administración notificante.",
    },
    biography: "Fictional spectrum engineer with two World Radiocommunication Conferences behind him.",
  },
  {
    key: "br-est",
    name: "Kadri Tammsaar",
    post: "BR",
    state: "EST",
    languages: ["et", "en", "ru"],
    theme: {
      en: "Interference knows no borders: I will build a shared, open register of harmful-interference cases and how each was resolved.",
      ru: "Помехи не знают границ: я создам общий открытый реестр случаев вредных помех и того, как каждый из них был устранён.",
    },
    biography: "Fictional head of a spectrum monitoring service.",
  },
  {
    key: "tsb-kor",
    name: "Ji-won Baek",
    post: "TSB",
    state: "KOR",
    languages: ["ko", "en"],
    theme: {
      en: "Standards that developing countries help write, not only adopt: I will fund delegates from least developed countries to every study group.",
      fr: "Des normes que les pays en développement contribuent à rédiger, et pas seulement à adopter : je financerai des délégués des pays les moins avancés dans chaque commission d'études.",
    },
    biography: "Fictional researcher in optical access networks and study-group rapporteur.",
  },
  {
    key: "tsb-tun",
    name: "Youssef Ben Ammar",
    post: "TSB",
    state: "TUN",
    languages: ["ar", "fr", "en"],
    theme: {
      en: "Every ITU-T Recommendation should be free to read in all six languages on the day it is approved.",
      ar: "ينبغي أن تكون كل توصية من توصيات قطاع التقييس متاحة للقراءة مجاناً باللغات الست في يوم اعتمادها.",
    },
    biography: "Fictional standards delegate and university lecturer in network security.",
  },
  {
    key: "bdt-col",
    name: "Lucía Santamaría Ortiz",
    post: "BDT",
    state: "COL",
    languages: ["es", "en"],
    theme: {
      en: "Connectivity projects should be chosen by the communities they serve, and judged by them a year later.",
      es: "Los proyectos de conectividad deberían elegirlos las comunidades a las que sirven, y ellas mismas deberían evaluarlos un año después.",
    },
    biography: "Fictional development economist who ran rural broadband programmes.",
  },
  {
    key: "bdt-bgd",
    name: "Tanvir Rahman Chowdhury",
    post: "BDT",
    state: "BGD",
    languages: ["bn", "en"],
    theme: {
      en: "Digital skills before devices: I will train one million women a year as community network operators.",
      fr: "Les compétences numériques avant les appareils : je formerai un million de femmes par an à l'exploitation de réseaux communautaires.",
    },
    biography: "Fictional founder of a community network cooperative.",
  },
  {
    key: "bdt-geo",
    name: "Nino Kapanadze",
    post: "BDT",
    state: "GEO",
    languages: ["ka", "ru", "en"],
    theme: {
      en: "Regional offices should be judged by what they deliver: I will publish each office's projects, budget and results every year.",
      ru: "О региональных отделениях следует судить по результатам: я буду ежегодно публиковать проекты, бюджет и результаты каждого отделения.",
    },
    biography: "Fictional telecommunication policy adviser and former regional project manager.",
  },
];

// Seats elected by region, partly contested: RRB-A and COUNCIL-C have more candidates than
// seats; RRB-C exactly as many.
const REGIONAL: LiveCandidate[] = [
  ...(
    [
      ["rrb-mex", "Ximena Olvera Cárdenas", "MEX"],
      ["rrb-jam", "Marcus Ellington-Reid", "JAM"],
      ["rrb-per", "Rosa Quispe Huamán", "PER"],
    ] as const
  ).map(([key, name, state]) => ({
    key,
    name,
    post: "RRB-A",
    state,
    languages: ["es", "en"],
    theme: {
      en: "The Board's decisions should be explained in plain words, with the reasons published beside each rule of procedure.",
      es: "Las decisiones de la Junta deberían explicarse con palabras sencillas, publicando los motivos junto a cada regla de procedimiento.",
    },
    biography: "Fictional radio engineer.",
  })),
  ...(
    [
      ["rrb-uzb", "Dilnoza Karimova", "UZB"],
      ["rrb-ltu", "Andrius Vaitkus", "LTU"],
    ] as const
  ).map(([key, name, state]) => ({
    key,
    name,
    post: "RRB-C",
    state,
    languages: ["ru", "en"],
    theme: {
      en: "Fair access to orbit and spectrum for every administration, large or small.",
      ru: "Справедливый доступ к орбите и спектру для каждой администрации, большой или малой.",
    },
    biography: "Fictional spectrum regulator.",
  })),
  ...(["POL", "CZE", "ROU", "AZE", "KGZ", "MDA"] as const).map((state) => ({
    key: `council-${state.toLowerCase()}`,
    name: `Council candidature of ${state} (demo)`,
    post: "COUNCIL-C",
    state,
    languages: ["en", "ru"],
    theme: {
      en: "A Council that reads its documents before it meets, and publishes its decisions the day it takes them.",
      ru: "Совет, который изучает документы до заседания и публикует свои решения в день их принятия.",
    },
    biography: "Fictional Council candidature of a real Member State.",
  })),
];

// The rest of each vision statement, by language: real sentences around the candidate's own.
const VISION_BODY: Record<Lang, (post: string) => string[]> = {
  en: (post) => [
    `I am standing for ${post} because the Union's work reaches every person who makes a call, sends a message or listens to the radio, and too few of them know it.`,
    "My first hundred days: meet every regional group, publish a plan with dated commitments, and report against it in public every six months.",
    "I will answer every question put to me in this forum, in the language it was asked in whenever I can.",
  ],
  fr: (post) => [
    `Je suis candidat·e au poste de ${post} parce que le travail de l'Union touche chaque personne qui passe un appel, envoie un message ou écoute la radio, et trop peu d'entre elles le savent.`,
    "Mes cent premiers jours : rencontrer chaque groupe régional, publier un plan aux engagements datés, et en rendre compte publiquement tous les six mois.",
    "Je répondrai à chaque question posée dans ce forum, dans la langue de la question chaque fois que je le pourrai.",
  ],
  es: (post) => [
    `Me presento al cargo de ${post} porque el trabajo de la Unión llega a cada persona que hace una llamada, envía un mensaje o escucha la radio, y muy pocas lo saben.`,
    "Mis primeros cien días: reunirme con cada grupo regional, publicar un plan con compromisos fechados y rendir cuentas en público cada seis meses.",
    "Responderé a cada pregunta que se me haga en este foro, en el idioma en que se formule siempre que pueda.",
  ],
  ar: (post) => [
    `أترشح لمنصب ${post} لأن عمل الاتحاد يصل إلى كل شخص يجري مكالمة أو يرسل رسالة أو يستمع إلى الإذاعة، وقليلون منهم يعرفون ذلك.`,
    "في أيامي المائة الأولى: سألتقي بكل مجموعة إقليمية، وأنشر خطة بالتزامات مؤرخة، وأقدّم تقريراً علنياً عنها كل ستة أشهر.",
    "سأجيب عن كل سؤال يُطرح عليّ في هذا المنتدى، وباللغة التي طُرح بها كلما أمكنني ذلك.",
  ],
  ru: (post) => [
    `Я выдвигаю свою кандидатуру на должность «${post}», потому что работа Союза касается каждого, кто звонит, отправляет сообщение или слушает радио, и слишком немногие об этом знают.`,
    "Мои первые сто дней: встречи со всеми региональными группами, план с датированными обязательствами и публичный отчёт о его выполнении каждые шесть месяцев.",
    "Я отвечу на каждый вопрос, заданный на этом форуме, по возможности на том языке, на котором он задан.",
  ],
  zh: (post) => [
    `我竞选${post}一职，因为国际电联的工作惠及每一个打电话、发信息或收听广播的人，而了解这一点的人太少。`,
    "我的头一百天：会见每个区域集团，发布一份附有明确日期承诺的计划，并每六个月公开报告进展。",
    "我将回答在本论坛向我提出的每一个问题，并尽可能使用提问所用的语言。",
  ],
};

function visionIn(lang: Lang, c: LiveCandidate, postNames: Record<string, string>): string {
  const theme = c.theme[lang];
  if (!theme) throw new Error(`No ${lang} vision for ${c.name}`);
  return [DEMO, theme, ...VISION_BODY[lang](postNames[lang] ?? postNames.en ?? c.post)].join("\n\n");
}

/** As lib/abuse/repeat.ts hashes a question to refuse repeats (that module is server-only). */
function repeatHash(body: string): string {
  return createHash("sha256").update(body.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim()).digest("hex");
}

function utcDate(wall: { year: number; month: number; day: number }, plusDays: number): Date {
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day + plusDays));
}

/**
 * When the hearing starts: the next full hour plus one, today in the conference's zone; when
 * that would be after 22:00 there, 09:30 the next morning instead.
 */
export function liveHearingStart(now: Date, timeZone = LIVE_DEMO_TIME_ZONE): { startsAt: Date; today: boolean } {
  const local = toLocalDateTime(now, timeZone);
  const [year, month, day, hour] = [local.slice(0, 4), local.slice(5, 7), local.slice(8, 10), local.slice(11, 13)].map(Number) as [
    number,
    number,
    number,
    number,
  ];
  if (hour + 2 <= 22) return { startsAt: zonedWallTimeToUtc({ year, month, day, hour: hour + 2, minute: 0 }, timeZone), today: true };
  const next = utcDate({ year, month, day }, 1);
  return {
    startsAt: zonedWallTimeToUtc({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 9, minute: 30 }, timeZone),
    today: false,
  };
}

async function ensureMemberStates(prisma: PrismaClient): Promise<Map<string, string>> {
  if ((await prisma.memberState.count()) === 0) {
    const rows = parseMemberStates(readFileSync(new URL("../../data/itu-member-states.csv", import.meta.url), "utf8"));
    await prisma.memberState.createMany({
      data: rows.map((r) => {
        const admitted = ADMISSIONS_AFTER_BASELINE[r.iso3];
        return { iso3: r.iso3, iso2: r.iso2, nameEn: r.nameEn, region: r.region, admittedOn: admitted ? new Date(admitted) : null };
      }),
      skipDuplicates: true,
    });
  }
  const states = await prisma.memberState.findMany({ select: { id: true, iso3: true, nameEn: true } });
  return new Map(states.map((s) => [s.iso3, s.id]));
}

/**
 * The demo accounts (prisma/demo-data.ts), created when absent with the same hashing as
 * prisma/seed.ts; each is then pointed at this conference: the candidate account bound to a
 * live candidate, the chair kept impartial (¶8).
 */
async function ensureAccounts(prisma: PrismaClient, states: Map<string, string>, boundCandidateId: string, boundName: string) {
  const ids = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) {
    const memberStateId = "memberState" in a ? (states.get(a.memberState) ?? null) : null;
    const existing = await prisma.user.findUnique({ where: { email: a.email }, select: { id: true } });
    const user =
      existing ??
      (await prisma.user.create({
        data: {
          email: a.email,
          name: a.name,
          role: a.role,
          passwordHash: await demoPasswordHash(a),
          isStaff: "isStaff" in a ? a.isStaff : false,
          locale: "locale" in a ? a.locale : null,
          memberStateId,
          nationalityId: memberStateId,
        },
        select: { id: true },
      }));
    ids.set(a.role, user.id);
  }
  const candidateUser = ids.get("CANDIDATE");
  if (candidateUser) await prisma.user.update({ where: { id: candidateUser }, data: { candidateId: boundCandidateId, name: boundName } });
  return ids;
}

type Question = {
  key: string;
  asker: string;
  country: string;
  affiliation?: string;
  body: string;
  answer?: string;
  state: "ANSWERED" | "PUBLISHED" | "DECLINED" | "PENDING";
  declineReason?: string;
};

// Forum questions: published and answered, published awaiting an answer, declined, and
// pending in the candidate's queue, in several languages.
const FORUM: Question[] = [
  {
    key: "sg-chl",
    asker: "Priya Raman",
    country: "India",
    affiliation: "Digital Rights Collective (demo)",
    body: "How would you make the Union's budget readable for people who are not accountants?",
    answer:
      "Every line of the budget would come with one sentence saying what it pays for and one number saying what it achieved last year. If a line cannot be explained that way, it should be questioned.",
    state: "ANSWERED",
  },
  {
    key: "sg-chl",
    asker: "Jorge Maldonado",
    country: "Ecuador",
    body: "¿Qué hará para que los países pequeños participen más en las comisiones de estudio?",
    answer:
      "Propondré reuniones híbridas por defecto y un fondo de viaje para las delegaciones de los países menos adelantados, con informes públicos de su uso.",
    state: "ANSWERED",
  },
  {
    key: "sg-chl",
    asker: "Claire Dubois",
    country: "Belgium",
    body: "Quelle serait votre première décision en matière d'égalité entre les femmes et les hommes au sein du secrétariat ?",
    state: "PUBLISHED",
  },
  {
    key: "sg-chl",
    asker: "Anonymous visitor",
    country: "Unknown",
    body: "Your opponent is a liar, do you agree?",
    state: "DECLINED",
    declineReason: "The forum is for questions about the candidate's own programme, not about other candidates.",
  },
  {
    key: "sg-chl",
    asker: "Mohammed Al-Harthy",
    country: "Oman",
    affiliation: "Ministry of Transport, Communications and IT (demo)",
    body: "ما هي خطتك لتعزيز استخدام اللغة العربية في وثائق الاتحاد؟",
    state: "PENDING",
  },
  {
    key: "sg-chl",
    asker: "Elena Petrova",
    country: "Bulgaria",
    body: "How will you measure whether the Union connects the unconnected, and who checks the numbers?",
    state: "PENDING",
  },
  {
    key: "sg-ken",
    asker: "Grace Mwangi",
    country: "Uganda",
    body: "What target would you set for the price of 1 GB of mobile data?",
    answer: "Two per cent of monthly income per person, the figure the Broadband Commission uses, reached in every region by the end of my term.",
    state: "ANSWERED",
  },
  {
    key: "sg-ken",
    asker: "Luc Martin",
    country: "France",
    body: "Comment comptez-vous associer le secteur privé sans lui laisser fixer l'agenda ?",
    state: "PENDING",
  },
  {
    key: "sg-idn",
    asker: "Wang Lei",
    country: "China",
    body: "您将如何在自然灾害期间保障应急通信？",
    answer: "每个成员国都应有一份经过演练的应急通信计划，国际电联将协助制定并每年检验。",
    state: "ANSWERED",
  },
  {
    key: "sg-idn",
    asker: "Tomás Ruiz",
    country: "Spain",
    body: "¿Cómo financiaría las redes resistentes a desastres en los pequeños Estados insulares?",
    state: "PENDING",
  },
  {
    key: "dsg-irl",
    asker: "Sean Murphy",
    country: "Ireland",
    body: "How would you reduce the time it takes to publish meeting documents in all six languages?",
    answer: "By translating drafts as they are written rather than after they are final, and by publishing the date each language version is due.",
    state: "ANSWERED",
  },
  {
    key: "dsg-sen",
    asker: "Fatou Ndiaye",
    country: "Mali",
    body: "En tant que candidate interne, comment garantirez-vous votre impartialité ?",
    state: "PUBLISHED",
  },
  { key: "dsg-sen", asker: "Peter Hansen", country: "Denmark", body: "Which internal process would you change first?", state: "PENDING" },
  {
    key: "br-arg",
    asker: "Ana Gómez",
    country: "Uruguay",
    body: "¿Cómo reduciría los retrasos en la tramitación de las redes de satélites?",
    answer: "Publicando en línea el estado de cada expediente y fijando plazos por etapa, con un informe trimestral de cumplimiento.",
    state: "ANSWERED",
  },
  { key: "br-est", asker: "Ivan Sokolov", country: "Kazakhstan", body: "Как вы будете бороться с вредными помехами спутниковой навигации?", state: "PENDING" },
  {
    key: "tsb-kor",
    asker: "Maria Silva",
    country: "Portugal",
    body: "Would you make all Recommendations free of charge, including the drafts?",
    state: "PUBLISHED",
  },
  { key: "tsb-tun", asker: "Karim Haddad", country: "Lebanon", body: "كيف ستشجع مشاركة الجامعات العربية في لجان الدراسات؟", state: "PENDING" },
  {
    key: "bdt-col",
    asker: "Daniela Rojas",
    country: "Costa Rica",
    body: "¿Cómo evaluarían las comunidades los proyectos de conectividad?",
    answer: "Con una encuesta pública un año después de cada proyecto, cuyos resultados decidirían la financiación de la siguiente fase.",
    state: "ANSWERED",
  },
  {
    key: "bdt-bgd",
    asker: "Aisha Bello",
    country: "Nigeria",
    body: "How would the training programme reach women in rural areas without internet access?",
    state: "PENDING",
  },
  {
    key: "bdt-geo",
    asker: "Giorgi Beridze",
    country: "Armenia",
    body: "Какие показатели вы будете публиковать для каждого регионального отделения?",
    state: "PUBLISHED",
  },
];

type HearingQ = { key: string; source: "ROOM" | "WEBCAST"; asker: string; origin: string; body: string; status: "APPROVED" | "PENDING" };

const HEARING_QUESTIONS: HearingQ[] = [
  {
    key: "sg-chl",
    source: "ROOM",
    asker: "Delegate of Norway (demo)",
    origin: "Norway",
    body: "What would you cut from the budget first?",
    status: "APPROVED",
  },
  {
    key: "sg-chl",
    source: "WEBCAST",
    asker: "Amir Hosseini",
    origin: "Iran (Islamic Republic of)",
    body: "How will you make the Union more transparent?",
    status: "APPROVED",
  },
  { key: "sg-chl", source: "WEBCAST", asker: "Sofia Conti", origin: "Italy", body: "¿Cuál sería su prioridad en ciberseguridad?", status: "APPROVED" },
  {
    key: "sg-chl",
    source: "WEBCAST",
    asker: "Lina Haddad",
    origin: "Jordan",
    body: "How will you involve young people in the Union's work?",
    status: "PENDING",
  },
  {
    key: "sg-ken",
    source: "ROOM",
    asker: "Delegate of Brazil (demo)",
    origin: "Brazil",
    body: "How would you make data affordable in landlocked countries?",
    status: "APPROVED",
  },
  { key: "sg-ken", source: "WEBCAST", asker: "Jean Moreau", origin: "Canada", body: "Quelle place pour le français dans vos priorités ?", status: "APPROVED" },
  { key: "sg-ken", source: "WEBCAST", asker: "Olga Ivanova", origin: "Belarus", body: "Как вы оцениваете роль Союза в кибербезопасности?", status: "PENDING" },
  {
    key: "sg-idn",
    source: "ROOM",
    asker: "Delegate of Fiji (demo)",
    origin: "Fiji",
    body: "What would you do in the first week after a cyclone?",
    status: "APPROVED",
  },
  { key: "sg-idn", source: "WEBCAST", asker: "Chen Ming", origin: "Singapore", body: "如何让发展中国家更多参与标准制定？", status: "PENDING" },
  {
    key: "dsg-irl",
    source: "ROOM",
    asker: "Delegate of Chile (demo)",
    origin: "Chile",
    body: "How would you measure the secretariat's responsiveness?",
    status: "APPROVED",
  },
  {
    key: "dsg-sen",
    source: "WEBCAST",
    asker: "Moussa Traoré",
    origin: "Burkina Faso",
    body: "Comment améliorer les services de conférence pour les délégations francophones ?",
    status: "APPROVED",
  },
  {
    key: "br-arg",
    source: "WEBCAST",
    asker: "Pablo Herrera",
    origin: "Paraguay",
    body: "¿Qué haría con las notificaciones de satélites en papel?",
    status: "PENDING",
  },
  {
    key: "br-est",
    source: "ROOM",
    asker: "Delegate of Finland (demo)",
    origin: "Finland",
    body: "Who would maintain the interference register?",
    status: "APPROVED",
  },
  { key: "tsb-kor", source: "WEBCAST", asker: "Kofi Mensah", origin: "Ghana", body: "How would delegates be chosen for the funding?", status: "APPROVED" },
  { key: "tsb-tun", source: "ROOM", asker: "Delegate of Morocco (demo)", origin: "Morocco", body: "ما هي أولوياتك في أمن الشبكات؟", status: "PENDING" },
  {
    key: "bdt-col",
    source: "WEBCAST",
    asker: "Camila Torres",
    origin: "Bolivia (Plurinational State of)",
    body: "¿Cómo se financiaría la evaluación comunitaria?",
    status: "APPROVED",
  },
  {
    key: "bdt-bgd",
    source: "ROOM",
    asker: "Delegate of Nepal (demo)",
    origin: "Nepal",
    body: "How would you keep trained operators in their communities?",
    status: "APPROVED",
  },
  {
    key: "bdt-geo",
    source: "WEBCAST",
    asker: "Armen Petrosyan",
    origin: "Armenia",
    body: "Как вы сократите расходы региональных отделений?",
    status: "PENDING",
  },
];

/**
 * The generated files (docs/demo-content.md), stored as uploads would be: a portrait for every
 * candidate, a brochure for each one presenting at the hearing, and the shipped video for the
 * candidate bound to the demo account.
 */
async function addContent(
  prisma: PrismaClient,
  everyone: LiveCandidate[],
  id: (key: string) => string,
  postNames: Map<string, Record<string, string>>,
  boundKey: string,
  now: Date,
  store: DemoStore | undefined,
) {
  const publishedAt = new Date(now.getTime() - 24 * DAY_MS);
  for (const [index, c] of everyone.entries()) {
    await prisma.candidate.update({ where: { id: id(c.key) }, data: { photoKey: await storeDemoPhoto(c.name, index, store) } });
  }
  const declared = { declaredNoSymbols: true, declaredNoResources: true, state: "PUBLISHED" as const, publishedAt };
  const brochures = [];
  for (const c of ELECTED) {
    const post = postNames.get(c.post)?.en ?? c.post;
    const file = await storeDemoBrochure(
      { title: `${c.name}: programme (demo)`, candidateName: c.name, post, paragraphs: [DEMO, c.theme.en, ...VISION_BODY.en(post)] },
      store,
    );
    brochures.push({ candidateId: id(c.key), kind: "BROCHURE" as const, title: "Programme brochure (demo)", language: "en", ...file, ...declared });
  }
  const video = await storeDemoVideo(store);
  await prisma.material.createMany({
    data: [
      ...brochures,
      { candidateId: id(boundKey), kind: "VIDEO" as const, title: "A message to the Member States (demo)", language: "en", ...video, ...declared },
    ],
  });
}

/**
 * Loads the live demo conference, makes it the current one and returns its ids. Idempotent:
 * when the conference exists it is left as it is (a reset removes it first).
 */
export async function seedLiveDemo(prisma: PrismaClient, ctx: LiveDemoContext): Promise<LiveDemoResult> {
  const existing = await prisma.conference.findUnique({ where: { slug: LIVE_DEMO_SLUG }, select: { id: true, hearings: { select: { id: true } } } });
  if (existing) return { conferenceId: existing.id, hearingId: existing.hearings[0]?.id ?? null, created: false, hearingNote: null };

  const now = ctx.now ?? new Date();
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const localToday = toLocalDateTime(now, LIVE_DEMO_TIME_ZONE);
  const today = { year: Number(localToday.slice(0, 4)), month: Number(localToday.slice(5, 7)), day: Number(localToday.slice(8, 10)) };
  const states = ctx.states ?? (await ensureMemberStates(prisma));
  const stateId = (iso3: string) => {
    const id = states.get(iso3);
    if (!id) throw new Error(`Live demo refers to an unknown Member State: ${iso3}`);
    return id;
  };

  // The conference, current from now on (one current at most, docs/decisions/012).
  const conferenceId = randomUUID();
  await prisma.$transaction([
    prisma.conference.updateMany({ where: { isCurrent: true }, data: { isCurrent: false } }),
    prisma.conference.create({
      data: {
        id: conferenceId,
        slug: LIVE_DEMO_SLUG,
        name: "Plenipotentiary Conference — live demo (fictional candidates)",
        city: "Geneva",
        opensOn: utcDate(today, LIVE_DEMO_OPENS_IN_DAYS),
        closesOn: utcDate(today, LIVE_DEMO_OPENS_IN_DAYS + CONFERENCE_DAYS - 1),
        timeZone: LIVE_DEMO_TIME_ZONE,
        corporateDomains: ["itu.int"],
        isCurrent: true,
      },
    }),
  ]);

  const allPosts = [
    ...ELECTED_POSTS.map((p, i) => ({ code: p.code, names: p.names, kind: "ELECTED_OFFICIAL" as const, region: null, seats: 1, sortOrder: i })),
    ...REGIONAL_POSTS.map((p, i) => ({ code: p.code, names: p.names, kind: p.kind, region: p.region, seats: p.seats, sortOrder: 100 + i })),
  ];
  const postIds = new Map(allPosts.map((p) => [p.code, randomUUID()]));
  await prisma.post.createMany({ data: allPosts.map((p) => ({ id: postIds.get(p.code)!, conferenceId, ...p })) });

  // Candidates: all formal, received between ten and six weeks ago (before the GR170 deadline).
  const everyone = [...ELECTED, ...REGIONAL];
  const ids = new Map(everyone.map((c) => [c.key, randomUUID()]));
  const received = new Map(everyone.map((c, i) => [c.key, ago(70 - i * 2)]));
  await prisma.candidate.createMany({
    data: everyone.map((c) => ({
      id: ids.get(c.key)!,
      conferenceId,
      postId: postIds.get(c.post)!,
      memberStateId: stateId(c.state),
      name: c.name,
      isInternal: c.isInternal ?? false,
      status: "FORMAL" as const,
      formallyReceivedAt: received.get(c.key)!,
      contactEmail: `${c.key}@campaign.example.org`,
      website: `https://example.org/demo/${c.key}`,
      languages: c.languages,
      isDemo: true,
    })),
  });
  const postNames = new Map(allPosts.map((p) => [p.code, p.names as Record<string, string>]));
  await prisma.candidateProfile.createMany({
    data: everyone.flatMap((c) =>
      (Object.keys(c.theme) as Lang[]).map((locale) => ({
        candidateId: ids.get(c.key)!,
        locale,
        vision: visionIn(locale, c, postNames.get(c.post) ?? {}),
        biography: `${DEMO}\n\n${c.biography}`,
        publishedAt: ago(30),
      })),
    ),
  });
  await prisma.candidateStatusChange.createMany({
    data: everyone.flatMap((c) => [
      { candidateId: ids.get(c.key)!, fromStatus: null, toStatus: "ANNOUNCED" as const, note: "Demo data", at: ago(90) },
      {
        candidateId: ids.get(c.key)!,
        fromStatus: "ANNOUNCED" as const,
        toStatus: "FORMAL" as const,
        formallyReceivedAt: received.get(c.key)!,
        note: "Demo data",
        at: received.get(c.key)!,
      },
    ]),
  });

  const bound = ELECTED[0]!;
  const users = await ensureAccounts(prisma, states, ids.get(bound.key)!, bound.name);
  const secretariatId = users.get("SECRETARIAT") ?? null;

  // Materials: links for every elected candidate; a draft awaiting the Ethics Office's
  // review (requested, not answered, 001); one link taken down with its reason.
  const id = (key: string) => ids.get(key)!;
  const links = ELECTED.map((c) => ({
    id: randomUUID(),
    candidateId: id(c.key),
    kind: "LINK" as const,
    title: "Campaign website (demo)",
    language: "en",
    url: `https://example.org/demo/${c.key}`,
    declaredNoSymbols: true,
    declaredNoResources: true,
    state: "PUBLISHED" as const,
    publishedAt: ago(25),
  }));
  const draftId = randomUUID();
  const takenDownId = randomUUID();
  await prisma.material.createMany({
    data: [
      ...links,
      {
        id: draftId,
        candidateId: id(bound.key),
        kind: "STATEMENT",
        title: "Partnerships with industry (draft, demo)",
        language: "en",
        body: `${DEMO}\n\nI would invite sector members to co-fund connectivity projects, on condition that every contract is published and no sponsor's name appears on Union events.`,
        declaredNoSymbols: true,
        declaredNoResources: true,
        state: "DRAFT",
      },
      {
        id: takenDownId,
        candidateId: id("sg-ken"),
        kind: "LINK",
        title: "Campaign video featuring the Union's emblem (demo)",
        language: "en",
        url: "https://example.org/demo/sg-ken/video",
        declaredNoSymbols: true,
        declaredNoResources: true,
        state: "TAKEN_DOWN",
        publishedAt: ago(20),
        takenDownAt: ago(12),
        takenDownById: secretariatId,
        takedownReason: "The linked video shows the Union's emblem, which campaign material may not use (Ethics Office guidance 001 A).",
      },
    ],
  });
  await prisma.ethicsReview.create({
    data: {
      materialId: draftId,
      candidateId: id(bound.key),
      question: "May I propose co-funding by sector members in a campaign statement, as written in this draft?",
      status: "PENDING",
      requestedAt: ago(2),
    },
  });

  await prisma.forumQuestion.createMany({
    data: FORUM.map((q, i) => {
      const askedAt = ago(20 - i * 0.8);
      const published = q.state === "ANSWERED" || q.state === "PUBLISHED";
      return {
        candidateId: id(q.key),
        askerName: q.asker,
        askerCountry: q.country,
        askerAffiliation: q.affiliation ?? null,
        body: q.body,
        bodyHash: repeatHash(q.body),
        ipHash: DEMO_IP_HASH,
        status: q.state === "ANSWERED" ? ("PUBLISHED" as const) : q.state,
        answer: q.answer ?? null,
        answeredAt: q.answer ? new Date(askedAt.getTime() + DAY_MS) : null,
        publishedAt: published ? new Date(askedAt.getTime() + DAY_MS) : null,
        declineReason: q.declineReason ?? null,
        createdAt: askedAt,
      };
    }),
  });

  // The hearing, today; its seed committed and its order drawn when there is a key.
  const { startsAt, today: isToday } = liveHearingStart(now);
  const hearingNote = isToday ? null : "Loaded too close to midnight in Geneva for a hearing later today: it starts at 09:30 tomorrow.";
  const presenters = ELECTED.map((c) => id(c.key));
  const hearingId = randomUUID();
  await prisma.hearing.create({
    data: {
      id: hearingId,
      conferenceId,
      startsAt,
      presentationMinutes: 15,
      qaMinutes: 15,
      questionsPerCandidate: 3,
      venue: "Room 1, Geneva International Conference Centre (demo)",
      chairId: users.get("CHAIR") ?? null,
      webcastKind: "URL",
      webcastSource: LIVE_DEMO_WEBCAST,
      webcastAccess: "PUBLIC",
      interpretationLanguages: LIVE_DEMO_INTERPRETATION,
    },
  });
  await prisma.hearingSlot.createMany({ data: presenters.map((candidateId) => ({ hearingId, candidateId })) });
  await prisma.hearingQuestion.createMany({
    data: HEARING_QUESTIONS.map((q, i) => ({
      hearingId,
      candidateId: id(q.key),
      source: q.source,
      askerName: q.asker,
      askerOrigin: q.origin,
      body: q.body,
      bodyHash: repeatHash(q.body),
      ipHash: q.source === "WEBCAST" ? DEMO_IP_HASH : null,
      enteredById: q.source === "ROOM" ? secretariatId : null,
      status: q.status,
      createdAt: new Date(now.getTime() - (HEARING_QUESTIONS.length - i) * 60_000),
    })),
  });

  await ctx.beforeCommit?.(hearingId);
  if (ctx.sealingKey) {
    const seed = createSeed();
    const commitment = seedHash(seed);
    const entropy = normaliseEntropy(LIVE_DEMO_ENTROPY);
    if (!entropy) throw new Error("The live demo's dice digits are not valid entropy");
    const key = ctx.sealingKey;
    await prisma.$transaction(async (tx) => {
      await tx.hearing.update({
        where: { id: hearingId },
        data: { seedHash: commitment, sealedSeed: sealSeedWith(key, seed), seedCommittedAt: new Date(now.getTime() - 60_000), seed: null },
      });
      await writeRunningOrder(tx, { hearingId, seed, seedHash: commitment, entropy, presenterIds: presenters, actorId: secretariatId });
    });
  } else {
    console.warn("Live demo hearing left at its set-up: neither SEED_SEALING_KEY nor AUTH_SECRET is set, so no seed can be sealed.");
  }

  await addContent(prisma, everyone, id, postNames, bound.key, now, ctx.store);
  if (hearingNote) console.warn(hearingNote);
  return { conferenceId, hearingId, created: true, hearingNote };
}
