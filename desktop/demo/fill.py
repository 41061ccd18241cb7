"""Demo data: an empty store filled with a plausible six weeks of networking.

`fill_demo` writes through the same paths a real sync uses (the store's ingest functions,
`acknowledge`, settings), so the demo shows exactly what the app would show: people who
shared my posts and have not heard from me, people I already thanked (some with new
interactions since), one snoozed and a few dismissed, two identities of the same human on
two networks waiting to be merged, and links worth sharing, some seen several times with
different tracking parameters.

Everything comes from one `random.Random(seed)` and the given `now`, so the same seed and
`now` always give the same store (database ids included).
"""

from __future__ import annotations

import random
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.events import (
    Actor,
    CandidateEvent,
    Direction,
    InteractionEvent,
    Kind,
    Network,
    Post,
)
from desktop.core.text import fold
from desktop.queries.people import acknowledge
from desktop.store.database import Store
from desktop.store.ingest import ingest_candidates, ingest_interactions
from desktop.store.models import Account, Acknowledgement, Candidate, Feed, Identity, Person
from desktop.store.settings import set_setting

__all__ = ["INTERESTS", "MAX_PEOPLE", "DemoError", "DemoSummary", "fill_demo"]

INTERESTS = ["networking", "open source", "comunidad", "difusión"]
MAX_PEOPLE = 2000
DAYS = 42  # six weeks of interactions
CANDIDATE_DAYS = 10

MASTODON_SERVER = "https://social.example"
MASTODON_HANDLE = "@you@social.example"
BLUESKY_SERVER = "https://bsky.social"
BLUESKY_HANDLE = "you.bsky.social"

_B32 = "abcdefghijklmnopqrstuvwxyz234567"  # did:plc identifiers
_S32 = "234567abcdefghijklmnopqrstuvwxyz"  # sortable base32 of Bluesky record keys (TIDs)
_TOKEN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"


class DemoError(Exception):
    """The demo cannot be written here; the message says what to do instead."""


@dataclass(frozen=True)
class DemoSummary:
    people: int
    interactions: int
    candidates: int
    accounts: int
    thanked: int
    feeds: int = 0

    def as_json(self) -> dict[str, int]:
        return asdict(self)


# --- content ------------------------------------------------------------------------------

EN_FIRST = [
    "Alice", "Ben", "Chloe", "Daniel", "Emma", "Finn", "Grace", "Harry", "Isla", "Jack",
    "Kate", "Liam", "Maya", "Noah", "Olivia", "Peter", "Quinn", "Ruby", "Sam", "Tessa",
    "Umar", "Violet", "Will", "Zoe", "Amelia", "Oscar", "Hannah", "Leo", "Nora", "Ethan",
    "Priya", "Aaron", "Megan", "Callum", "Jasmine", "Owen", "Freya", "Toby", "Holly", "Rhys",
]  # fmt: skip
EN_LAST = [
    "Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Thomas", "Roberts",
    "Walker", "Wright", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood",
    "Harris", "Clarke", "Lewis", "Jackson", "Turner", "Hill", "Cooper", "Ward", "Morris",
    "Patel", "Khan", "Murphy", "O'Brien", "Bennett", "Fletcher", "Reid", "Campbell", "Kelly",
    "Shaw", "Palmer", "Hayes", "Lawson",
]  # fmt: skip
ES_FIRST = [
    "María José", "Íñigo", "Lucía", "Martín", "Sofía", "Álvaro", "Begoña", "Andrés", "Inés",
    "Sebastián", "Ángela", "Jesús", "Carmen", "José Luis", "Nuria", "Raúl", "Marta", "Óscar",
    "Elena", "Rubén", "Pilar", "Adrián", "Rocío", "Joaquín", "Beatriz", "Tomás", "Ainhoa",
    "Iván", "Noelia", "Germán", "Maite", "Héctor", "Ximena", "Julián", "Araceli", "Ramón",
    "Leire", "Fermín", "Maribel", "Nicolás",
]  # fmt: skip
ES_LAST = [
    "Peña", "Sáez", "Núñez", "Ibáñez", "Muñoz", "Gómez", "Martínez", "Rodríguez", "López",
    "Fernández", "Díaz", "Pérez", "Sánchez", "Jiménez", "Gutiérrez", "Ortiz", "Castaño",
    "Cañete", "Álvarez", "Domínguez", "Vázquez", "Ramírez", "Herrera", "Medina", "Aguirre",
    "Echeverría", "Beltrán", "Marín", "Quintana", "Bermúdez", "Carreño", "Ruiz", "Ordóñez",
    "Gallego", "Serrano", "Molina", "Rubio", "Calderón", "Montaño", "Zúñiga",
]  # fmt: skip

MASTODON_INSTANCES = [
    "mastodon.example",
    "social.example",
    "fosstodon.example",
    "hachyderm.example",
    "masto.example",
]

MY_POSTS: list[tuple[str, str]] = [
    ("en", "Networking is giving before asking. Share someone's work today, with a line on "
           "why it matters to you."),
    ("es", "Cómo difundir el trabajo de otros sin perder tu voz: añade siempre una frase tuya "
           "sobre por qué lo compartes."),
    ("en", "The most underrated open source contribution: telling a maintainer their project "
           "helped you. Takes a minute, makes a week."),
    ("es", "El networking no va de repartir tarjetas, va de estar presente cuando alguien "
           "necesita una mano."),
    ("en", "I keep a small list of people whose work I want to amplify this month. It has "
           "changed how I read my timeline."),
    ("es", "Una comunidad sana se nota en cómo trata a quien llega nuevo. ¿Cuál fue tu mejor "
           "primera experiencia en un proyecto?"),
    ("en", "Writing tip: end a post with the one thing you want readers to do next. Just one."),
    ("es", "Nuevo artículo: cinco maneras de agradecer a quien comparte tus publicaciones sin "
           "sonar a robot."),
    ("en", "A community is not the people who joined. It's the people who come back. What "
           "makes you come back?"),
    ("es", "Contribuir al software libre no es solo escribir código: documentar, traducir y "
           "difundir también cuenta."),
    ("en", "Open source onboarding checklist: a CONTRIBUTING file, three good first issues, "
           "and a human who answers within a day."),
    ("es", "Consejo de escritura: lee tu texto en voz alta antes de publicarlo. Lo que suena "
           "raro, se lee raro."),
    ("en", "Thanking people publicly is not about manners. It tells everyone else what kind "
           "of help is valued here."),
    ("es", "Esta semana he dedicado diez minutos al día a comentar el trabajo de otras "
           "personas. Las conversaciones que han salido valen oro."),
    ("en", "New post: how I prepare a talk in a week without losing my mind. Outline, story, "
           "slides, in that order."),
    ("es", "¿Organizas un meetup? Publica las diapositivas, cita a quien habla y da las "
           "gracias al espacio por su nombre."),
    ("en", "Curating is a skill. Sharing three great links a week builds more trust than "
           "posting ten of your own."),
    ("es", "La difusión también es trabajo. Gracias a todas las personas que compartís lo "
           "que hacemos en la comunidad."),
    ("en", "Small networks, real conversations. I get more out of 300 followers who reply "
           "than I ever did from 3,000 who scroll."),
    ("es", "Prefiero una red pequeña donde la gente responde a una enorme donde todo el "
           "mundo pasa de largo."),
    ("en", "If you run a meetup: publish the slides, credit the speakers, and thank the "
           "venue by name. People notice."),
    ("es", "Estoy preparando una charla sobre comunidades de código abierto en español. "
           "¿Qué os gustaría que contara?"),
    ("en", "Drafting in public: a guide to networking for people who hate networking. What "
           "should it cover?"),
    ("es", "Curar contenido es un superpoder poco valorado: tres buenos enlaces a la semana "
           "generan más confianza que diez propios."),
    ("en", "Reminder that \"I don't know, let's find out\" is a perfectly good answer in an "
           "open source issue thread."),
    ("es", "Recordatorio: decir «no lo sé, vamos a averiguarlo» en un issue es una respuesta "
           "perfectamente válida."),
]  # fmt: skip

THEIR_POSTS = {
    "en": [
        "Just published the notes from our community call. Thanks to everyone who joined!",
        "Weekend reading: three essays on maintaining open source without burning out.",
        "Finally merged the accessibility fixes. Huge thanks to the first-time contributors!",
        "Slides from my talk on onboarding newcomers are up. Feedback welcome.",
        "Hot take: the best documentation is written by the newest person on the team.",
        "Looking for speakers for our next meetup. First-timers especially welcome.",
        "Wrote about what I learned from a year of weekly open office hours.",
        "Today I learned that a kind code review is the best recruiting tool a project has.",
        "Our project just passed 100 contributors. Every single one of them matters.",
        "Trying a new habit: one thank-you note to a maintainer every Friday.",
    ],
    "es": [
        "Acabo de publicar las notas de la llamada de la comunidad. ¡Gracias a quien vino!",
        "Lecturas para el finde: tres ensayos sobre mantener software libre sin quemarse.",
        "Por fin hemos integrado las mejoras de accesibilidad. ¡Gracias a quienes "
        "contribuyen por primera vez!",
        "Ya están las diapositivas de mi charla sobre cómo acoger a gente nueva en un proyecto.",
        "Opinión: la mejor documentación la escribe la persona que acaba de llegar al equipo.",
        "Buscamos ponentes para el próximo meetup; si es tu primera charla, mejor aún.",
        "He escrito sobre lo que aprendí tras un año de tutorías abiertas cada semana.",
        "Hoy he aprendido que una revisión de código amable atrae más gente que cualquier campaña.",
        "Nuestro proyecto acaba de superar las 100 personas contribuyentes. Cada una cuenta.",
        "Nuevo hábito: un mensaje de agradecimiento a alguien que mantiene un proyecto cada "
        "viernes.",
    ],
}

THANKS = {
    "en": [
        "Thank you so much for sharing my posts, {first}! It means a lot.",
        "Thanks for the boosts, {first}, really appreciate you spreading the word.",
        "{first}, thank you for the thoughtful replies lately!",
    ],
    "es": [
        "¡Mil gracias por difundir mis publicaciones, {first}!",
        "Gracias de corazón por compartir, {first}. Se agradece muchísimo.",
        "¡Gracias por tus respuestas y por compartir, {first}!",
    ],
}


@dataclass(frozen=True)
class _FeedSpec:
    url: str
    title: str
    site_url: str
    author: str
    language: str


_YT_EN = "UCk3Zq8RtWm1pXv7dN4bLs2A"
_YT_ES = "UC9fTgH2aLw5QeYx0oJr8KmP"
FEEDS = [
    _FeedSpec("https://opensourcenotes.example.org/feed.xml", "Open Source Notes",
              "https://opensourcenotes.example.org/", "Dana Whitfield", "en"),
    _FeedSpec("https://comunidadabierta.example.org/rss/", "Comunidad Abierta",
              "https://comunidadabierta.example.org/", "Carmen Ortega Ruiz", "es"),
    _FeedSpec(f"https://www.youtube.com/feeds/videos.xml?channel_id={_YT_EN}",
              "Community Builders TV", f"https://www.youtube.com/channel/{_YT_EN}",
              "Community Builders TV", "en"),
    _FeedSpec(f"https://www.youtube.com/feeds/videos.xml?channel_id={_YT_ES}",
              "Charlas de Software Libre", f"https://www.youtube.com/channel/{_YT_ES}",
              "Charlas de Software Libre", "es"),
    _FeedSpec("https://news.example.com/technology/rss.xml", "Example News: Technology",
              "https://news.example.com/technology/", "Tom Okafor", "en"),
    _FeedSpec("https://diario.example.com/rss/tecnologia.xml", "Diario Ejemplo: Tecnología",
              "https://diario.example.com/tecnologia/", "Lucía Benítez", "es"),
    _FeedSpec("https://writingwell.example.net/atom.xml", "Writing Well",
              "https://writingwell.example.net/", "Helen Marsh", "en"),
    _FeedSpec("https://designweekly.example.com/index.xml", "Design Systems Weekly",
              "https://designweekly.example.com/", "Kenji Mori", "en"),
]  # fmt: skip


@dataclass(frozen=True)
class _Article:
    url: str  # {date} is replaced by the publication date (yyyy/mm)
    title: str
    summary: str
    language: str
    author: str = ""
    feed: int | None = None  # index into FEEDS when a feed carries it
    sharers: int = 0  # people in my network who post the link
    feed_tracking: str = ""  # what the feed itself appends to links


FEED_ARTICLES = [
    _Article("https://opensourcenotes.example.org/{date}/maintainers-need-thanks/",
             "Maintainers need thanks more than they need stars",
             "A year of interviews with open source maintainers: what keeps them going is "
             "a thank-you from someone their project helped.", "en", feed=0),
    _Article("https://opensourcenotes.example.org/{date}/first-contribution-guide/",
             "A practical guide to your first open source contribution",
             "Finding a project, reading the CONTRIBUTING file, and sending a pull request "
             "that gets merged.", "en", feed=0,
             feed_tracking="utm_source=rss&utm_medium=feed&utm_campaign=rss"),
    _Article("https://opensourcenotes.example.org/{date}/readme-as-networking/",
             "Why your project's README is a networking tool",
             "The README is the first conversation a stranger has with your project. "
             "Make it a welcoming one.", "en", feed=0, sharers=1),
    _Article("https://comunidadabierta.example.org/{date}/cuidar-una-comunidad/",
             "Cómo cuidar una comunidad de software libre sin quemarte",
             "Turnos, normas claras y saber decir que no: lo que hemos aprendido tras "
             "cinco años moderando.", "es", feed=1),
    _Article("https://comunidadabierta.example.org/{date}/la-difusion-tambien-es-trabajo/",
             "La difusión también es trabajo: reconocer a quien comparte",
             "Compartir, traducir y recomendar sostienen los proyectos tanto como el "
             "código. Ideas para agradecerlo.", "es", feed=1, sharers=2),
    _Article("https://comunidadabierta.example.org/{date}/primer-meetup-local/",
             "Guía para organizar tu primer meetup local",
             "Del espacio a las charlas relámpago: una lista de comprobación para empezar "
             "con poco.", "es", feed=1),
    _Article("https://www.youtube.com/watch?v=q7Xb2LmN9sA",
             "How to network at conferences when you're an introvert",
             "Practical tactics for hallway conversations, follow-ups and recharging "
             "between talks.", "en", feed=2, sharers=3),
    _Article("https://www.youtube.com/watch?v=Rk4vT8pWz1E",
             "Building a community around your side project",
             "From the first ten users to a Discourse forum: what worked and what we "
             "would skip next time.", "en", feed=2),
    _Article("https://www.youtube.com/watch?v=hJ3nY6cQe0U",
             "Charla: el código abierto como herramienta de networking profesional",
             "Cómo contribuir a proyectos abiertos te presenta a gente con la que "
             "acabarás trabajando.", "es", feed=3),
    _Article("https://news.example.com/technology/{date}/small-social-networks-professionals",
             "Small social networks are quietly winning over professionals",
             "Fewer followers, more replies: why some professionals are moving their "
             "networking to smaller, federated spaces.", "en", feed=4,
             feed_tracking="utm_source=rss&utm_medium=rss"),
    _Article("https://news.example.com/technology/{date}/fediverse-explained",
             "The fediverse, explained for people who just want to post",
             "Instances, handles and why your followers can come with you.", "en", feed=4),
    _Article("https://diario.example.com/tecnologia/{date}/redes-descentralizadas",
             "Las redes descentralizadas ganan usuarios entre profesionales",
             "Cada vez más perfiles técnicos usan Mastodon y Bluesky para su networking "
             "profesional.", "es", feed=5),
    _Article("https://diario.example.com/tecnologia/{date}/empresas-software-libre",
             "Por qué cada vez más empresas publican su código como software libre",
             "Contratación, reputación y comunidad: las razones que dan los equipos "
             "técnicos.", "es", feed=5),
    _Article("https://writingwell.example.net/{date}/write-for-one-reader/",
             "Write for one reader: the secret of posts people share",
             "Posts written for one specific person get shared by many. Here is how to "
             "find your one reader.", "en", feed=6, sharers=2),
    _Article("https://writingwell.example.net/{date}/headlines-that-dont-shout/",
             "Headlines that don't shout",
             "Clear beats clever: rewriting ten clickbait headlines into honest ones.",
             "en", feed=6),
    _Article("https://designweekly.example.com/{date}/empty-states/",
             "Designing empty states that invite action",
             "An empty screen is an onboarding opportunity. Examples from twelve apps.",
             "en", feed=7),
    _Article("https://designweekly.example.com/{date}/contrast-checks/",
             "Colour contrast checks you can do in five minutes",
             "Tools and habits for accessible colour choices, without a design degree.",
             "en", feed=7),
]  # fmt: skip

TIMELINE_ARTICLES = [
    _Article("https://longreads.example.com/essays/the-quiet-power-of-boosting",
             "The quiet power of boosting other people's work",
             "Amplifying others is the most underrated form of networking. An essay on "
             "generosity online.", "en", author="Sam Ellery", sharers=4),
    _Article("https://careerlab.example.org/articles/networking-field-guide",
             "Networking without being networky: a field guide",
             "Give first, follow up, remember details. Networking habits for people who "
             "dislike the word.", "en", author="Ruth Adeyemi", sharers=3),
    _Article("https://devjournal.example.net/posts/mentoring-in-open-source",
             "Mentoring in open source: lessons from ten years",
             "What first-time contributors need from mentors, and what mentors get back.",
             "en", author="Marcus Lindqvist", sharers=2),
    _Article("https://revista.example.org/comunidad/diez-ideas-visibilidad",
             "Diez ideas para dar visibilidad al trabajo de tu comunidad",
             "Boletines, hilos, agradecimientos públicos: pequeñas acciones de difusión "
             "que suman.", "es", author="Laura Campos", sharers=3),
    _Article("https://revista.example.org/guias/accesibilidad-redes-sociales",
             "Guía de accesibilidad para publicaciones en redes sociales",
             "Texto alternativo, hashtags legibles y emojis con moderación.", "es",
             author="Laura Campos", sharers=2),
    _Article("https://kindinternet.example.com/say-thank-you-online",
             "How to say thank you online without sounding like a bot",
             "Specific, short and personal: a template-free approach to gratitude on "
             "social networks.", "en", author="Nadia Brooks", sharers=5),
    _Article("https://devjournal.example.net/posts/healthy-open-source-community",
             "What a healthy open source community looks like",
             "Signals to look for before you contribute: response times, tone, and who "
             "gets credit.", "en", author="Marcus Lindqvist", sharers=1),
    _Article("https://escribir.example.net/en-publico/",
             "Escribir en público: por qué compartir lo que aprendes",
             "Publicar notas a medio hacer atrae conversaciones que ningún artículo "
             "pulido consigue.", "es", author="Pablo Arenas", sharers=1),
    _Article("https://slowweb.example.org/fewer-better-sources",
             "The slow web: choosing fewer, better sources",
             "Why a short list of trusted feeds beats an endless timeline.", "en",
             author="Iris Vann", sharers=1),
]  # fmt: skip

AUTHOR_TITLES = {
    "en": [
        ("what-i-learned-running-a-community-call",
         "What I learned running a community call for a year",
         "Agendas, recordings and the surprising value of ending ten minutes early."),
        ("reviewing-first-pull-requests",
         "My checklist for reviewing someone's first pull request",
         "Open source starts with a welcome: the review habits that bring people back."),
        ("giving-a-talk-about-open-source",
         "Notes on giving my first talk about open source",
         "From the proposal to the questions afterwards, and the networking in between."),
    ],
    "es": [
        ("un-ano-moderando-una-comunidad",
         "Lo que aprendí moderando una comunidad durante un año",
         "Normas, cansancio y las pequeñas alegrías de ver crecer una comunidad."),
        ("revisar-la-primera-contribucion",
         "Mi lista para revisar la primera contribución de alguien",
         "Cómo hacer que quien llega al software libre quiera volver."),
        ("apuntes-charla-software-libre",
         "Apuntes sobre mi primera charla de software libre",
         "De la propuesta a las preguntas del final, con mucho networking por medio."),
    ],
}  # fmt: skip

TRACKING = [
    "",
    "utm_source=mastodon&utm_medium=social",
    "utm_source=bluesky&utm_medium=social",
    "fbclid={token}",
    "utm_source=newsletter&utm_medium=email&utm_campaign=weekly",
    "utm_source=mastodon&utm_medium=social&utm_campaign=share",
]

# Share of inbound interactions by kind (follows are one per person, drawn separately).
INBOUND_MIX = {
    Kind.LIKE: 0.62,
    Kind.SHARE: 0.13,
    Kind.REPLY: 0.10,
    Kind.MENTION: 0.06,
    Kind.QUOTE: 0.04,
}
OUTBOUND_MIX = {
    Kind.LIKE: 0.50,
    Kind.SHARE: 0.20,
    Kind.REPLY: 0.15,
    Kind.MENTION: 0.06,
    Kind.QUOTE: 0.04,
    Kind.FOLLOW: 0.05,
}


# --- generated people and posts ---------------------------------------------------------


@dataclass
class _Person:
    index: int
    name: str
    first: str
    language: str
    network: str
    actor: Actor
    instance: str  # Mastodon instance host, or "" on Bluesky
    blog: str  # a personal blog host
    share_weight: float = 0.0
    activity: float = 1.0


@dataclass
class _MyPost:
    language: str
    text: str
    at: datetime
    on: dict[str, Post]  # network -> the post there


@dataclass
class _Event:
    at: datetime
    person: _Person
    kind: Kind
    direction: Direction
    post: Post | None = None
    post_key: int | None = None  # index of my post, for inbound events
    via: _Person | None = None
    external_id: str = ""


@dataclass
class _Ack:
    at: datetime
    action: str
    text: str = ""
    until_days: int = 0


def _secs(seconds: float) -> timedelta:
    return timedelta(seconds=int(seconds))


def _snowflake(rng: random.Random, at: datetime) -> str:
    """A Mastodon id: milliseconds since the epoch, shifted, plus a sequence."""
    return str((int(at.timestamp()) * 1000 << 16) | rng.randrange(1 << 16))


def _tid(rng: random.Random, at: datetime) -> str:
    """A Bluesky record key: microseconds and a clock id, in sortable base32."""
    n = ((int(at.timestamp()) * 1_000_000 + at.microsecond) << 10) | rng.randrange(1 << 10)
    chars = []
    for _ in range(13):
        chars.append(_S32[n & 31])
        n >>= 5
    return "".join(reversed(chars))


def _did(rng: random.Random) -> str:
    return "did:plc:" + "".join(rng.choice(_B32) for _ in range(24))


def _slug(text: str, sep: str = "") -> str:
    return re.sub(r"[^a-z0-9]+", sep, fold(text)).strip(sep)


def _weighted_distinct(rng: random.Random, items: Sequence, weights: Sequence[float], k: int):
    """k distinct items, drawn with probability proportional to weight."""
    pool = list(zip(items, weights, strict=True))
    out = []
    while pool and len(out) < k:
        total = sum(w for _, w in pool)
        pick = rng.uniform(0, total)
        for i, (item, w) in enumerate(pool):
            pick -= w
            if pick <= 0 or i == len(pool) - 1:
                out.append(item)
                del pool[i]
                break
    return out


def _names(rng: random.Random, count: int, language: str, taken: set[str]) -> list[tuple]:
    """(display name, first name) pairs, unique within `taken`."""
    first_names, last_names = (EN_FIRST, EN_LAST) if language == "en" else (ES_FIRST, ES_LAST)
    out = []
    attempts = 0
    while len(out) < count:
        attempts += 1
        first = rng.choice(first_names)
        last = rng.choice(last_names)
        if language == "es" and (rng.random() < 0.5 or attempts > 5000):
            second = rng.choice(last_names)
            if second != last:
                last = f"{last} {second}"
        name = f"{first} {last}"
        if name not in taken:
            taken.add(name)
            out.append((name, first))
    return out


def _username(rng: random.Random, name: str, first: str, sep: str, taken: set[str]) -> str:
    last = name[len(first) :].split()[0]
    f, first_word, surname = _slug(first), _slug(first.split()[0]), _slug(last)
    options = [first_word, f + surname, f"{first_word}{sep}{surname}", first_word[0] + surname]
    start = rng.randrange(len(options))
    for option in options[start:] + options[:start]:
        if option not in taken:
            taken.add(option)
            return option
    while True:
        option = f"{f}{sep}{surname}{rng.randrange(2, 99)}"
        if option not in taken:
            taken.add(option)
            return option


def _make_people(rng: random.Random, count: int) -> list[_Person]:
    pairs = min(3, count // 10)  # humans with an identity on each network
    singles = count - 2 * pairs
    humans_count = singles + pairs
    english = humans_count // 2
    taken: set[str] = set()
    humans = [(name, first, "en") for name, first in _names(rng, english, "en", taken)]
    humans += [
        (name, first, "es") for name, first in _names(rng, humans_count - english, "es", taken)
    ]
    rng.shuffle(humans)
    networks = [Network.MASTODON] * round(singles * 0.55)
    networks += [Network.BLUESKY] * (singles - len(networks))
    rng.shuffle(networks)
    plan = [(h, [n]) for h, n in zip(humans[:singles], networks, strict=True)]
    plan += [(h, [Network.MASTODON, Network.BLUESKY]) for h in humans[singles:]]
    rng.shuffle(plan)

    mastodon_users: set[str] = set()
    bluesky_users: set[str] = set()
    mastodon_ids: set[str] = set()
    people: list[_Person] = []
    for (name, first, language), nets in plan:
        blog = _slug(name, "-") + ".example.net"
        for network in nets:
            if network == Network.MASTODON:
                instance = rng.choice(MASTODON_INSTANCES)
                user = _username(rng, name, first, "_", mastodon_users)
                stable = str(rng.randrange(10**5, 10**6))
                if rng.random() < 0.7:  # accounts made since 2018 have snowflake ids
                    stable = str(rng.randrange(10**17, 10**18))
                while stable in mastodon_ids:
                    stable = str(rng.randrange(10**17, 10**18))
                mastodon_ids.add(stable)
                actor = Actor(
                    network=str(network),
                    stable_id=stable,
                    handle=f"@{user}@{instance}",
                    display_name=name,
                    profile_url=f"https://{instance}/@{user}",
                )
            else:
                instance = ""
                handle = _username(rng, name, first, "-", bluesky_users) + ".bsky.social"
                actor = Actor(
                    network=str(network),
                    stable_id=_did(rng),
                    handle=handle,
                    display_name=name,
                    profile_url=f"https://bsky.app/profile/{handle}",
                )
            people.append(
                _Person(len(people), name, first, language, str(network), actor, instance, blog)
            )
    # A few people do most of the sharing (Zipf); everyone likes and replies a little.
    sharers = max(1, round(len(people) * 0.35))
    for rank, person in enumerate(rng.sample(people, len(people)), start=1):
        person.share_weight = 1 / (rank + 1) ** 1.1 if rank <= sharers else 0.0
        person.activity = rng.lognormvariate(0, 0.7)
    return people


def _make_my_posts(rng: random.Random, now: datetime, did: str) -> list[_MyPost]:
    posts = []
    oldest = now - timedelta(days=DAYS)
    times = sorted(
        (oldest + timedelta(days=rng.uniform(0, DAYS - 0.5))).replace(
            hour=rng.randrange(7, 22),
            minute=rng.randrange(60),
            second=rng.randrange(60),
            microsecond=0,
        )
        for _ in MY_POSTS
    )
    for (language, text), at in zip(MY_POSTS, times, strict=True):
        at = min(at, now - timedelta(hours=6))
        status = _snowflake(rng, at)
        rkey = _tid(rng, at + timedelta(seconds=rng.randrange(5, 90)))
        posts.append(
            _MyPost(
                language,
                text,
                at,
                {
                    Network.MASTODON: Post(
                        f"{MASTODON_SERVER}/@you/{status}", text, language, status
                    ),
                    Network.BLUESKY: Post(
                        f"https://bsky.app/profile/{BLUESKY_HANDLE}/post/{rkey}",
                        text,
                        language,
                        f"at://{did}/app.bsky.feed.post/{rkey}",
                    ),
                },
            )
        )
    return posts


def _their_post(rng: random.Random, person: _Person, at: datetime, text: str = "") -> Post:
    text = text or rng.choice(THEIR_POSTS[person.language])
    if person.network == Network.MASTODON:
        status = _snowflake(rng, at)
        user = person.actor.handle.split("@")[1]
        return Post(f"https://{person.instance}/@{user}/{status}", text, person.language, status)
    rkey = _tid(rng, at)
    return Post(
        f"https://bsky.app/profile/{person.actor.handle}/post/{rkey}",
        text,
        person.language,
        f"at://{person.actor.stable_id}/app.bsky.feed.post/{rkey}",
    )


# --- interactions -----------------------------------------------------------------------


def _after(rng: random.Random, start: datetime, latest: datetime, mean_hours: float) -> datetime:
    """A reaction time after `start`: mostly soon, sometimes days later, never after latest."""
    span = (latest - start).total_seconds()
    if span <= 60:
        return latest
    delay = rng.expovariate(1 / (mean_hours * 3600)) if rng.random() < 0.85 else span
    if delay >= span:
        delay = rng.uniform(60, span)
    return start + _secs(delay)


def _inbound(rng: random.Random, people: list[_Person], posts: list[_MyPost], now: datetime):
    latest = now - timedelta(minutes=5)
    total = round(len(people) * rng.uniform(9, 11))
    events: list[_Event] = []
    used: set[tuple[int, Kind, int]] = set()

    def add(person: _Person, kind: Kind, recent: bool = False) -> bool:
        candidates = [
            i
            for i, p in enumerate(posts)
            if (person.index, kind, i) not in used or kind in (Kind.REPLY, Kind.MENTION)
        ]
        if recent:
            candidates = candidates[-3:]
        if not candidates:
            return False
        weights = [3.0 if posts[i].language == person.language else 1.0 for i in candidates]
        i = rng.choices(candidates, weights)[0]
        used.add((person.index, kind, i))
        at = _after(rng, posts[i].at, latest, 10 if kind == Kind.LIKE else 18)
        events.append(
            _Event(at, person, kind, Direction.INBOUND, posts[i].on[person.network], post_key=i)
        )
        return True

    for kind, share in INBOUND_MIX.items():
        if kind in (Kind.SHARE, Kind.QUOTE):
            weights = [p.share_weight for p in people]
        elif kind == Kind.LIKE:
            weights = [p.activity for p in people]
        else:
            weights = [p.activity * (1 + 3 * p.share_weight) for p in people]
        for person in rng.choices(people, weights, k=max(1, round(total * share))):
            add(person, kind)
    for person in people:
        if rng.random() < 0.75:
            at = now - timedelta(days=DAYS) + _secs(rng.uniform(0, DAYS * 86400 - 600))
            events.append(_Event(at, person, Kind.FOLLOW, Direction.INBOUND))

    mine = defaultdict(list)
    for e in events:
        mine[e.person.index].append(e)
    for person in people:
        if not mine[person.index]:  # everyone in the demo did something for me
            add(person, Kind.LIKE)
    # Guarantees the demo relies on: the top sharer shared something, and one person who
    # never shares replied (so the pending list shows both priority 1 and priority 2).
    top = max(people, key=lambda p: (p.share_weight, -p.index))
    if not any(e.kind == Kind.SHARE for e in mine[top.index]):
        add(top, Kind.SHARE, recent=True)
    quiet = next((p for p in people if p.share_weight == 0), None)
    if quiet and not any(e.kind in (Kind.REPLY, Kind.MENTION) for e in mine[quiet.index]):
        add(quiet, Kind.REPLY, recent=True)

    # Bluesky tells who reposted what a like came through.
    shares = defaultdict(list)
    for e in events:
        if e.kind == Kind.SHARE and e.person.network == Network.BLUESKY:
            shares[e.post_key].append(e)
    for e in events:
        if e.kind == Kind.LIKE and e.person.network == Network.BLUESKY and rng.random() < 0.3:
            earlier = [s.person for s in shares[e.post_key] if s.at < e.at and s.person != e.person]
            if earlier:
                e.via = rng.choice(earlier)
    return events, top, quiet


def _outbound(rng: random.Random, people: list[_Person], inbound: list[_Event], now: datetime):
    latest = now - timedelta(minutes=5)
    received = defaultdict(int)
    for e in inbound:
        received[e.person.index] += 1
    weights = [(received[p.index] + 1) * p.activity for p in people]
    total = round(len(people) * rng.uniform(3.5, 4.5))
    events: list[_Event] = []
    followed: set[int] = set()
    for kind, share in OUTBOUND_MIX.items():
        for person in rng.choices(people, weights, k=max(1, round(total * share))):
            posted = now - timedelta(days=DAYS) + _secs(rng.uniform(0, DAYS * 86400 - 3600))
            at = _after(rng, posted, latest, 8)
            if kind == Kind.FOLLOW:
                if person.index not in followed:
                    followed.add(person.index)
                    events.append(_Event(at, person, kind, Direction.OUTBOUND))
                continue
            events.append(
                _Event(at, person, kind, Direction.OUTBOUND, _their_post(rng, person, posted))
            )
    return events


# --- acknowledgements -------------------------------------------------------------------


def _thank_text(rng: random.Random, person: _Person) -> str:
    return rng.choice(THANKS[person.language]).format(first=person.first)


def _plan_acks(
    rng: random.Random,
    people: list[_Person],
    events: list[_Event],
    exclude: list[_Person | None],
    now: datetime,
) -> dict[int, list[_Ack]]:
    latest = now - timedelta(minutes=1)
    inbound: dict[int, list[_Event]] = defaultdict(list)
    for e in sorted(events, key=lambda e: e.at):
        if e.direction == Direction.INBOUND:
            inbound[e.person.index].append(e)
    skip = {p.index for p in exclude if p}
    # People one would thank first: those who shared the most.
    eligible = [p for p in people if p.index not in skip and len(inbound[p.index]) >= 2]
    eligible.sort(key=lambda p: (-p.share_weight - rng.random() * 0.2, p.index))
    n = len(people)
    n_thanked = min(len(eligible), max(1, round(n * 0.3))) if n >= 3 else 0
    n_dismissed = min(2 if n >= 40 else 1 if n >= 10 else 0, len(eligible) - n_thanked)
    n_snoozed = min(1 if n >= 6 else 0, len(eligible) - n_thanked - n_dismissed)
    thanked = eligible[:n_thanked]
    rest = eligible[n_thanked:]
    rng.shuffle(rest)
    others = rest[: n_dismissed + n_snoozed]
    acks: dict[int, list[_Ack]] = {}

    def caught_up(person: _Person) -> datetime:
        last = inbound[person.index][-1].at
        at = last + _secs(rng.uniform(1800, 36 * 3600))
        if at > latest:  # caught up on something that happened only just now
            at = last + _secs((latest - last).total_seconds() * rng.uniform(0.3, 0.9))
        return at

    for number, person in enumerate(thanked):
        mine = inbound[person.index]
        # Some were thanked a while ago and have done more since; others are caught up.
        newer = [
            (prev, e)
            for prev, e in zip(mine, mine[1:], strict=False)
            if e.kind not in (Kind.LIKE, Kind.FOLLOW) and e.at - prev.at >= timedelta(minutes=2)
        ]
        if newer and (number == 0 or rng.random() < 0.5):
            prev, e = rng.choice(newer[-3:])
            at = prev.at + _secs((e.at - prev.at).total_seconds() * rng.uniform(0.2, 0.8))
        else:
            at = caught_up(person)
        plan = [_Ack(at, "thanked", _thank_text(rng, person))]
        before = [e for e in mine if e.at < at]
        if len(before) >= 4 and rng.random() < 0.35:  # and once before that, too
            half = len(before) // 2
            a, b = before[half - 1].at, before[half].at
            if b - a >= timedelta(minutes=2):
                earlier = a + _secs((b - a).total_seconds() / 2)
                plan.insert(0, _Ack(earlier, "thanked", _thank_text(rng, person)))
        acks[person.index] = plan
    for number, person in enumerate(others):
        if number < n_dismissed:
            acks[person.index] = [_Ack(caught_up(person), "dismissed")]
        else:
            at = max(caught_up(person), now - _secs(rng.uniform(86400, 3 * 86400)))
            acks[person.index] = [_Ack(at, "snoozed", until_days=rng.randrange(3, 8))]
    return acks


# --- candidates -------------------------------------------------------------------------


def _tracked(rng: random.Random, url: str, tracking: str) -> str:
    if "youtube.com" in url:
        tracking = "si=" + "".join(rng.choice(_TOKEN[:-2]) for _ in range(16))
    if not tracking:
        return url
    tracking = tracking.replace("{token}", "IwAR" + "".join(rng.choice(_TOKEN) for _ in range(52)))
    return f"{url}{'&' if '?' in url else '?'}{tracking}"


def _candidates(
    rng: random.Random, people: list[_Person], now: datetime
) -> tuple[list[CandidateEvent], list[CandidateEvent]]:
    """(feed events, timeline events)."""
    latest = now - timedelta(minutes=5)
    weights = [0.3 + p.activity + 4 * p.share_weight for p in people]
    feed_events: list[CandidateEvent] = []
    timeline: list[CandidateEvent] = []

    def when() -> datetime:
        return now - timedelta(days=CANDIDATE_DAYS) + _secs(rng.uniform(0, CANDIDATE_DAYS * 86400))

    def shared(article: _Article, url: str, seen: datetime, count: int, author=None) -> None:
        sharers = _weighted_distinct(rng, people, weights, count)
        if author is not None:
            sharers = [author] + [p for p in sharers if p is not author][: count - 1]
        for number, person in enumerate(sharers):
            at = min(seen + _secs(rng.uniform(0, 2 * 86400)) if number else seen, latest)
            tracking = TRACKING[number % len(TRACKING)] if number else rng.choice(TRACKING[:3])
            link = _tracked(rng, url, tracking)
            post = _their_post(rng, person, at, f"{article.title} {link}")
            timeline.append(
                CandidateEvent(
                    url=link,
                    source="timeline",
                    source_ref=post.url,
                    seen_at=at,
                    title=article.title,
                    summary=article.summary,
                    author_name=article.author,
                    author=author.actor if author else None,
                    sharer=person.actor,
                    language=article.language,
                    published_at=seen - _secs(rng.uniform(3600, 3 * 86400)),
                )
            )

    for article in FEED_ARTICLES:
        spec = FEEDS[article.feed or 0]
        published = when() - _secs(rng.uniform(600, 6 * 3600))
        url = article.url.replace("{date}", published.strftime("%Y/%m"))
        seen = min(published + _secs(rng.uniform(300, 4 * 3600)), latest)
        feed_events.append(
            CandidateEvent(
                url=f"{url}?{article.feed_tracking}" if article.feed_tracking else url,
                source="feed",
                source_ref=spec.url,
                seen_at=seen,
                title=article.title,
                summary=article.summary,
                author_name=spec.author,
                language=article.language,
                published_at=published,
            )
        )
        if article.sharers:
            shared(article, url, seen, min(article.sharers, len(people)))
    for article in TIMELINE_ARTICLES:
        shared(article, article.url, when(), min(article.sharers, len(people)))

    # People in my network write too: their posts get the supporter bonus.
    authors = rng.sample(people, min(5, len(people) // 4 + 1))
    titles = {lang: rng.sample(options, len(options)) for lang, options in AUTHOR_TITLES.items()}
    for person in authors:
        if not titles[person.language]:
            continue
        slug, title, summary = titles[person.language].pop()
        article = _Article(
            f"https://{person.blog}/{slug}/", title, summary, person.language, person.name
        )
        count = min(rng.randrange(1, 4), len(people))
        shared(article, article.url, when(), count, author=person)
    return feed_events, timeline


# --- writing ----------------------------------------------------------------------------


def _has_data(session: Session) -> bool:
    return bool(
        session.scalar(select(func.count()).select_from(Person))
        or session.scalar(select(func.count()).select_from(Account))
    )


def _number(events: list[_Event]) -> None:
    """External ids like a sync would have: unique per account, oldest first."""
    counters: dict[str, int] = defaultdict(int)
    for e in sorted(events, key=lambda e: (e.at, e.person.index, e.direction, e.kind)):
        network = e.person.network
        counters[network] += 1
        prefix = "m" if network == Network.MASTODON else "b"
        e.external_id = f"demo-{prefix}-{counters[network]}"


def _by_account(
    events: list[_Event], accounts: dict[str, int]
) -> dict[int, list[InteractionEvent]]:
    out: dict[int, list[InteractionEvent]] = defaultdict(list)
    for e in sorted(events, key=lambda e: (e.at, e.person.index, e.direction, e.kind)):
        out[accounts[e.person.network]].append(
            InteractionEvent(
                external_id=e.external_id,
                kind=e.kind,
                direction=e.direction,
                actor=e.person.actor,
                occurred_at=e.at,
                post=e.post,
                via=e.via.actor if e.via else None,
            )
        )
    return out


def fill_demo(
    store: Store, *, people: int = 60, seed: int = 7, now: datetime | None = None
) -> DemoSummary:
    """Fill an empty store with demo data in one transaction (all or nothing); the same
    seed and `now` give the same store."""
    if not 1 <= people <= MAX_PEOPLE:
        raise DemoError(f"the demo makes between 1 and {MAX_PEOPLE} people, not {people}")
    now = datetime.now(UTC) if now is None else now
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    now = now.astimezone(UTC).replace(microsecond=0)
    rng = random.Random(seed)

    my_did = _did(rng)
    crowd = _make_people(rng, people)
    posts = _make_my_posts(rng, now, my_did)
    inbound, top, quiet = _inbound(rng, crowd, posts, now)
    outbound = _outbound(rng, crowd, inbound, now)
    _number(inbound + outbound)
    acks = _plan_acks(rng, crowd, inbound, [top, quiet], now)
    feed_events, timeline = _candidates(rng, crowd, now)

    with store.session() as s:
        if _has_data(s):
            raise DemoError("this store already has data; use an empty --data-dir for the demo")
        created = now - timedelta(days=DAYS + 20)
        rows = {
            Network.MASTODON: Account(
                network="mastodon",
                server_url=MASTODON_SERVER,
                handle=MASTODON_HANDLE,
                display_name="You",
                stable_id=str(rng.randrange(10**17, 10**18)),
                last_sync_at=now,
                created_at=created,
            ),
            Network.BLUESKY: Account(
                network="bluesky",
                server_url=BLUESKY_SERVER,
                handle=BLUESKY_HANDLE,
                display_name="You",
                stable_id=my_did,
                last_sync_at=now,
                created_at=created,
            ),
            Network.FEED: Account(
                network="feed",
                server_url="",
                handle="Feeds",
                display_name="Feeds",
                last_sync_at=now,
                created_at=created,
            ),
        }
        s.add_all(rows.values())
        s.flush()
        accounts = {str(k): v.id for k, v in rows.items()}
        s.add_all(
            Feed(
                account_id=accounts["feed"],
                url=spec.url,
                kind="feed",
                title=spec.title,
                site_url=spec.site_url,
                last_fetched_at=now,
                created_at=created,
            )
            for spec in FEEDS
        )
        set_setting(s, "interests", INTERESTS)

        # Each person's interactions up to an acknowledgement, then the acknowledgement, then
        # what came after: the same order a real user would have produced them in.
        segments: dict[int, list[_Event]] = defaultdict(list)
        for e in inbound:
            times = [a.at for a in acks.get(e.person.index, [])]
            segments[bisect_right(times, e.at)].append(e)
        segments[0].extend(outbound)
        rounds = max((len(v) for v in acks.values()), default=0)
        written = 0
        for step in range(rounds + 1):
            for account_id, batch in _by_account(segments[step], accounts).items():
                written += ingest_interactions(s, account_id, batch).new
            if step == rounds:
                break
            wanted = [crowd[i].actor.stable_id for i, a in acks.items() if len(a) > step]
            person_of = {
                stable_id: person_id
                for stable_id, person_id in s.execute(
                    select(Identity.stable_id, Identity.person_id).where(
                        Identity.stable_id.in_(wanted)
                    )
                )
            }
            for index, plan in acks.items():
                if len(plan) <= step:
                    continue
                ack = plan[step]
                acknowledge(
                    s,
                    person_of[crowd[index].actor.stable_id],
                    ack.action,
                    how="reply" if ack.action == "thanked" else "",
                    text=ack.text,
                    until=(now + timedelta(days=ack.until_days)).date()
                    if ack.action == "snoozed"
                    else None,
                    now=ack.at,
                    today=now.date(),
                )

        ingest_candidates(s, feed_events, account_id=accounts["feed"])
        per_network: dict[str, list[CandidateEvent]] = defaultdict(list)
        for event in timeline:
            per_network[event.sharer.network if event.sharer else "feed"].append(event)
        for network, batch in per_network.items():
            ingest_candidates(s, batch, account_id=accounts[network])

        return DemoSummary(
            people=s.scalar(select(func.count()).select_from(Person)) or 0,
            interactions=written,
            candidates=s.scalar(select(func.count()).select_from(Candidate)) or 0,
            accounts=len(rows),
            thanked=s.scalar(
                select(func.count(func.distinct(Acknowledgement.person_id))).where(
                    Acknowledgement.action == "thanked"
                )
            )
            or 0,
            feeds=len(FEEDS),
        )
