"""The sheet's own words (section headings, labels, the escort's slip) in each language it is printed in.

The procedure's content comes translated from ``procedures/translations/``; these are the few fixed words the
sheet adds around it. They are machine drafts like the content translations (procedures/README.md,
"Translations"), to be reviewed with them. English is the source: a language without a wording here, or a
key missing from one, prints the English words (a test checks every language has every key and keeps every
``{placeholder}``).

Words the screens write too (urgency titles, routes, opening hours, day and month names, risk frequencies,
"and until") are not here but in ``kiosk.content.phrasebook``, the one table both take them from.

The warning box and the phone numbers are also printed in English on every translated sheet, for the escort,
the GP and the NHS 111 call handler (``sections.in_english``): those headings are English only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

ENGLISH: Mapping[str, str] = {
    "times": "Your times and dates",
    "follow_up": "Follow-up appointment with {who}: between {first} and {last}",
    "help": "Get help urgently if you have any of these",
    "help_continued": "Get help urgently (continued)",
    "call": "Call:",
    "escort": "Who is looking after you",
    "name": "Name",
    "phone": "Phone",
    "stays_until": "Stays until",
    "nobody": "Nobody was named to stay with you",
    "nurse_noted": " (the nurse noted: {reason})",
    "not_alone": "You should not be on your own until {until}. Ask someone to stay with you.",
    "aftercare": "Looking after yourself",
    "normal": "What is normal afterwards",
    "done": "What was done",
    "finished_at": "Finished at",
    "finished": "{time} on {date}",
    "side_level": "Side and level",
    "medicines_given": "Medicines given.",
    "none_recorded": "None recorded.",
    "risks": "Risks, and how often they happen",
    "other_contacts": "Other contacts",
    "escort_until": "Someone must stay with you until",
    "full_stop": ".",
    "slip_for": "For {escort}, who is looking after {patient}",
    "slip_for_anyone": "For the adult looking after {patient}",
    "slip_stay": "Please stay with {patient} until {until}.",
    "slip_times": "{patient}'s times.",
    "slip_watch": "Tonight, watch for:",
    "slip_when": "When to call.",
    "cut_here": "Cut or tear here: this part is for the adult looking after you tonight",
    "continued": "{title} (continued)",
}
# Languages written right to left: the whole body of their sheet is laid out right to left.
RIGHT_TO_LEFT = frozenset({"ur", "ar"})


@dataclass(frozen=True)
class Wording:
    language: str
    words: Mapping[str, str]

    def __getitem__(self, key: str) -> str:
        return self.words.get(key) or ENGLISH[key]

    def say(self, key: str, **values: str) -> str:
        """The words as Paragraph markup (escaped, font fallback), with ``values`` (markup already) put in."""
        from kiosk.sheet.fonts import content_markup

        parts = re.split(r"(\{[a-z_]+\})", self[key])
        return "".join(
            values[part[1:-1]] if part.startswith("{") and part.endswith("}") else content_markup(part)
            for part in parts
        )

    @property
    def rtl(self) -> bool:
        return self.language in RIGHT_TO_LEFT


_WORDINGS: dict[str, Wording] = {
    "en": Wording("en", ENGLISH),
    "pl": Wording(
        "pl",
        {
            "times": "Twoje godziny i daty",
            "follow_up": "Wizyta kontrolna z {who}: między {first} a {last}",
            "help": "Pilnie szukaj pomocy, jeśli masz którykolwiek z tych objawów",
            "help_continued": "Pilnie szukaj pomocy (ciąg dalszy)",
            "call": "Dzwoń:",
            "escort": "Kto się Tobą opiekuje",
            "name": "Imię i nazwisko",
            "phone": "Telefon",
            "stays_until": "Zostaje do",
            "nobody": "Nikt nie został wskazany, aby z Tobą zostać",
            "nurse_noted": " (uwaga pielęgniarki: {reason})",
            "not_alone": "Nie powinieneś być sam do {until}. Poproś kogoś, aby z Tobą został.",
            "aftercare": "Jak o siebie dbać",
            "normal": "Co jest normalne po zabiegu",
            "done": "Co zostało zrobione",
            "finished_at": "Zakończono",
            "finished": "{time}, {date}",
            "side_level": "Strona i poziom",
            "medicines_given": "Podane leki.",
            "none_recorded": "Nie zapisano.",
            "risks": "Ryzyko i jak często występuje",
            "other_contacts": "Inne kontakty",
            "escort_until": "Ktoś musi zostać z Tobą do",
            "full_stop": ".",
            "slip_for": "Dla: {escort}, osoba opiekująca się pacjentem ({patient})",
            "slip_for_anyone": "Dla osoby dorosłej opiekującej się pacjentem ({patient})",
            "slip_stay": "Prosimy zostać z pacjentem ({patient}) do {until}.",
            "slip_times": "Godziny pacjenta ({patient}).",
            "slip_watch": "Dziś w nocy zwracaj uwagę na:",
            "slip_when": "Kiedy dzwonić.",
            "cut_here": "Odetnij lub oderwij tutaj: ta część jest dla osoby dorosłej, która opiekuje się Tobą w nocy",
            "continued": "{title} (ciąg dalszy)",
        },
    ),
    "ro": Wording(
        "ro",
        {
            "times": "Orele și datele tale",
            "follow_up": "Programare de control cu {who}: între {first} și {last}",
            "help": "Cere ajutor urgent dacă ai oricare dintre acestea",
            "help_continued": "Cere ajutor urgent (continuare)",
            "call": "Sună:",
            "escort": "Cine are grijă de tine",
            "name": "Nume",
            "phone": "Telefon",
            "stays_until": "Rămâne până la",
            "nobody": "Nu a fost numit nimeni care să rămână cu tine",
            "nurse_noted": " (asistenta a notat: {reason})",
            "not_alone": "Nu ar trebui să fii singur până la {until}. Roagă pe cineva să rămână cu tine.",
            "aftercare": "Cum să ai grijă de tine",
            "normal": "Ce este normal după procedură",
            "done": "Ce s-a făcut",
            "finished_at": "Terminat la",
            "finished": "{time}, {date}",
            "side_level": "Partea și nivelul",
            "medicines_given": "Medicamente administrate.",
            "none_recorded": "Nimic înregistrat.",
            "risks": "Riscuri și cât de des apar",
            "other_contacts": "Alte contacte",
            "escort_until": "Cineva trebuie să rămână cu tine până la",
            "full_stop": ".",
            "slip_for": "Pentru {escort}, care are grijă de {patient}",
            "slip_for_anyone": "Pentru adultul care are grijă de {patient}",
            "slip_stay": "Vă rugăm să rămâneți cu {patient} până la {until}.",
            "slip_times": "Orele pentru {patient}.",
            "slip_watch": "În noaptea aceasta, urmăriți:",
            "slip_when": "Când să sunați.",
            "cut_here": "Tăiați sau rupeți aici: această parte este pentru adultul care are grijă de tine la noapte",
            "continued": "{title} (continuare)",
        },
    ),
    "pa": Wording(
        "pa",
        {
            "times": "ਤੁਹਾਡੇ ਸਮੇਂ ਅਤੇ ਤਾਰੀਖਾਂ",
            "follow_up": "{who} ਨਾਲ ਅਗਲੀ ਮੁਲਾਕਾਤ: {first} ਅਤੇ {last} ਦੇ ਵਿਚਕਾਰ",
            "help": "ਜੇ ਤੁਹਾਨੂੰ ਇਹਨਾਂ ਵਿੱਚੋਂ ਕੁਝ ਵੀ ਹੋਵੇ ਤਾਂ ਤੁਰੰਤ ਮਦਦ ਲਓ",
            "help_continued": "ਤੁਰੰਤ ਮਦਦ ਲਓ (ਜਾਰੀ)",
            "call": "ਫ਼ੋਨ ਕਰੋ:",
            "escort": "ਤੁਹਾਡੀ ਦੇਖਭਾਲ ਕੌਣ ਕਰ ਰਿਹਾ ਹੈ",
            "name": "ਨਾਮ",
            "phone": "ਫ਼ੋਨ",
            "stays_until": "ਇਸ ਸਮੇਂ ਤੱਕ ਰਹੇਗਾ",
            "nobody": "ਤੁਹਾਡੇ ਨਾਲ ਰਹਿਣ ਲਈ ਕਿਸੇ ਦਾ ਨਾਮ ਨਹੀਂ ਦਿੱਤਾ ਗਿਆ",
            "nurse_noted": " (ਨਰਸ ਨੇ ਲਿਖਿਆ: {reason})",
            "not_alone": "{until} ਤੱਕ ਤੁਹਾਨੂੰ ਇਕੱਲੇ ਨਹੀਂ ਰਹਿਣਾ ਚਾਹੀਦਾ। ਕਿਸੇ ਨੂੰ ਆਪਣੇ ਨਾਲ ਰਹਿਣ ਲਈ ਕਹੋ।",
            "aftercare": "ਆਪਣੀ ਦੇਖਭਾਲ ਕਰਨਾ",
            "normal": "ਬਾਅਦ ਵਿੱਚ ਕੀ ਆਮ ਹੈ",
            "done": "ਕੀ ਕੀਤਾ ਗਿਆ",
            "finished_at": "ਖ਼ਤਮ ਹੋਇਆ",
            "finished": "{time}, {date}",
            "side_level": "ਪਾਸਾ ਅਤੇ ਪੱਧਰ",
            "medicines_given": "ਦਿੱਤੀਆਂ ਦਵਾਈਆਂ।",
            "none_recorded": "ਕੁਝ ਦਰਜ ਨਹੀਂ।",
            "risks": "ਖ਼ਤਰੇ, ਅਤੇ ਇਹ ਕਿੰਨੀ ਵਾਰ ਹੁੰਦੇ ਹਨ",
            "other_contacts": "ਹੋਰ ਸੰਪਰਕ",
            "escort_until": "ਕਿਸੇ ਨੂੰ ਇਸ ਸਮੇਂ ਤੱਕ ਤੁਹਾਡੇ ਨਾਲ ਰਹਿਣਾ ਚਾਹੀਦਾ ਹੈ",
            "full_stop": "।",
            "slip_for": "{escort} ਲਈ, ਜੋ {patient} ਦੀ ਦੇਖਭਾਲ ਕਰ ਰਹੇ ਹਨ",
            "slip_for_anyone": "ਉਸ ਬਾਲਗ ਲਈ ਜੋ {patient} ਦੀ ਦੇਖਭਾਲ ਕਰ ਰਿਹਾ ਹੈ",
            "slip_stay": "ਕਿਰਪਾ ਕਰਕੇ {until} ਤੱਕ {patient} ਦੇ ਨਾਲ ਰਹੋ।",
            "slip_times": "{patient} ਦੇ ਸਮੇਂ।",
            "slip_watch": "ਅੱਜ ਰਾਤ, ਇਹਨਾਂ ਦਾ ਧਿਆਨ ਰੱਖੋ:",
            "slip_when": "ਕਦੋਂ ਫ਼ੋਨ ਕਰਨਾ ਹੈ।",
            "cut_here": "ਇੱਥੋਂ ਕੱਟੋ ਜਾਂ ਪਾੜੋ: ਇਹ ਹਿੱਸਾ ਉਸ ਬਾਲਗ ਲਈ ਹੈ ਜੋ ਅੱਜ ਰਾਤ ਤੁਹਾਡੀ ਦੇਖਭਾਲ ਕਰ ਰਿਹਾ ਹੈ",
            "continued": "{title} (ਜਾਰੀ)",
        },
    ),
    "ur": Wording(
        "ur",
        {
            "times": "آپ کے اوقات اور تاریخیں",
            "follow_up": "{who} کے ساتھ اگلی ملاقات: {first} اور {last} کے درمیان",
            "help": "اگر آپ کو ان میں سے کچھ بھی ہو تو فوری مدد لیں",
            "help_continued": "فوری مدد لیں (جاری)",
            "call": "فون کریں:",
            "escort": "آپ کی دیکھ بھال کون کر رہا ہے",
            "name": "نام",
            "phone": "فون",
            "stays_until": "اس وقت تک رہے گا",
            "nobody": "آپ کے ساتھ رہنے کے لیے کسی کا نام نہیں دیا گیا",
            "nurse_noted": " (نرس نے لکھا: {reason})",
            "not_alone": "{until} تک آپ کو اکیلے نہیں رہنا چاہیے۔ کسی سے کہیں کہ آپ کے ساتھ رہے۔",
            "aftercare": "اپنا خیال رکھنا",
            "normal": "بعد میں کیا معمول کی بات ہے",
            "done": "کیا کیا گیا",
            "finished_at": "ختم ہوا",
            "finished": "{time}، {date}",
            "side_level": "طرف اور سطح",
            "medicines_given": "دی گئی دوائیں۔",
            "none_recorded": "کچھ درج نہیں۔",
            "risks": "خطرات، اور یہ کتنی بار ہوتے ہیں",
            "other_contacts": "دوسرے رابطے",
            "escort_until": "کسی کو اس وقت تک آپ کے ساتھ رہنا ہو گا",
            "full_stop": "۔",
            "slip_for": "{escort} کے لیے، جو {patient} کی دیکھ بھال کر رہے ہیں",
            "slip_for_anyone": "اس بالغ کے لیے جو {patient} کی دیکھ بھال کر رہا ہے",
            "slip_stay": "براہ کرم {until} تک {patient} کے ساتھ رہیں۔",
            "slip_times": "{patient} کے اوقات۔",
            "slip_watch": "آج رات ان باتوں پر نظر رکھیں:",
            "slip_when": "کب فون کریں۔",
            "cut_here": "یہاں سے کاٹیں یا پھاڑیں: یہ حصہ اس بالغ کے لیے ہے جو آج رات آپ کی دیکھ بھال کر رہا ہے",
            "continued": "{title} (جاری)",
        },
    ),
    "ar": Wording(
        "ar",
        {
            "times": "أوقاتك وتواريخك",
            "follow_up": "موعد المتابعة مع {who}: بين {first} و {last}",
            "help": "اطلب المساعدة فورًا إذا أصابك أي من هذه",
            "help_continued": "اطلب المساعدة فورًا (تابع)",
            "call": "اتصل بـ:",
            "escort": "من يعتني بك",
            "name": "الاسم",
            "phone": "الهاتف",
            "stays_until": "يبقى حتى",
            "nobody": "لم يُذكر اسم أحد ليبقى معك",
            "nurse_noted": " (ملاحظة الممرضة: {reason})",
            "not_alone": "يجب ألا تبقى وحدك حتى {until}. اطلب من شخص أن يبقى معك.",
            "aftercare": "كيف تعتني بنفسك",
            "normal": "ما هو طبيعي بعد الإجراء",
            "done": "ما الذي تم",
            "finished_at": "انتهى في",
            "finished": "{time}، {date}",
            "side_level": "الجهة والمستوى",
            "medicines_given": "الأدوية المعطاة.",
            "none_recorded": "لم يُسجَّل شيء.",
            "risks": "المخاطر، وكم مرة تحدث",
            "other_contacts": "جهات اتصال أخرى",
            "escort_until": "يجب أن يبقى شخص معك حتى",
            "full_stop": ".",
            "slip_for": "إلى {escort}، الذي يعتني بـ {patient}",
            "slip_for_anyone": "إلى الشخص البالغ الذي يعتني بـ {patient}",
            "slip_stay": "يُرجى البقاء مع {patient} حتى {until}.",
            "slip_times": "أوقات {patient}.",
            "slip_watch": "الليلة، راقب ما يلي:",
            "slip_when": "متى تتصل.",
            "cut_here": "قُصّ أو امزق هنا: هذا الجزء للشخص البالغ الذي يعتني بك الليلة",
            "continued": "{title} (تابع)",
        },
    ),
}


ENGLISH_WORDING = _WORDINGS["en"]

# The English copy of the warning box and contacts on a translated sheet says what it is.
IN_ENGLISH = Wording(
    "en",
    {
        **ENGLISH,
        "help": "In English: get help urgently if you have any of these",
        "help_continued": "In English: get help urgently (continued)",
        "other_contacts": "In English: other contacts",
        "in_english": "In English:",
    },
)


def wording(language: str) -> Wording:
    """The sheet's words in ``language``; English for a language the sheet has no words for."""
    return _WORDINGS.get(language, _WORDINGS["en"])


def languages() -> tuple[str, ...]:
    return tuple(_WORDINGS)
