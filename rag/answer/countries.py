"""The names of the States Members of the United Nations, the observer States and the
Non-Self-Governing Territories and Kosovo, as a question or a document writes them (short forms), for the
country constraint of rag.answer.constraints."""

from __future__ import annotations

import re
from collections.abc import Iterator

COUNTRIES = frozenset("""
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|
Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|
Bosnia and Herzegovina|Botswana|Brazil|Brunei Darussalam|Bulgaria|Burkina Faso|Burundi|Cabo Verde|Cambodia|
Cameroon|Canada|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Côte d'Ivoire|
Croatia|Cuba|Cyprus|Czechia|Democratic People's Republic of Korea|Democratic Republic of the Congo|Denmark|
Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|
Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|
Guinea-Bissau|Guyana|Haiti|Holy See|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|
Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kuwait|Kyrgyzstan|Lao People's Democratic Republic|Latvia|
Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|
Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Monaco|Mongolia|Montenegro|Morocco|
Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Macedonia|
Norway|Oman|Pakistan|Palau|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|
Republic of Korea|Republic of Moldova|Romania|Russian Federation|Rwanda|Saint Kitts and Nevis|Saint Lucia|
Saint Vincent and the Grenadines|Samoa|San Marino|Sao Tome and Principe|Saudi Arabia|Senegal|Serbia|
Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Sudan|Spain|
Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syrian Arab Republic|Tajikistan|Thailand|Timor-Leste|Togo|Tonga|
Trinidad and Tobago|Tunisia|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|
United Republic of Tanzania|United States|Uruguay|Uzbekistan|Vanuatu|Venezuela|Viet Nam|Yemen|Zambia|
Zimbabwe|State of Palestine
""".replace("\n", "").split("|")) | frozenset((
    # The Non-Self-Governing Territories and Puerto Rico, which the Special Committee on
    # decolonization reports on by name as it does on States.
    "Western Sahara", "Anguilla", "Bermuda", "British Virgin Islands", "Cayman Islands", "Falkland Islands",
    "Montserrat", "Saint Helena", "Turks and Caicos Islands", "United States Virgin Islands", "Gibraltar",
    "American Samoa", "French Polynesia", "Guam", "New Caledonia", "Pitcairn", "Tokelau", "Puerto Rico",
    # and Kosovo, on which the Security Council receives reports by name (under resolution 1244
    # (1999)); a paragraph naming it names a place a which-country question may ask for
    "Kosovo",
))

# How a text names a country's people or things where the adjective does not open with the
# country's name (rag.answer.constraints reads the others by their first letters: "Chinese").
ADJECTIVES = {
    "United States": ("U.S.", "US", "USA", "American"), "United Kingdom": ("UK", "U.K.", "British"),
    "Switzerland": ("Swiss",), "France": ("French",), "Spain": ("Spanish",), "Netherlands": ("Dutch",),
    "Türkiye": ("Turkish", "Turkey"), "Sweden": ("Swedish",), "Denmark": ("Danish",), "Finland": ("Finnish",),
    "Poland": ("Polish",), "Greece": ("Greek",), "Ireland": ("Irish",), "Russian Federation": ("Russia", "Russian"),
    "Viet Nam": ("Vietnam", "Vietnamese"), "Syrian Arab Republic": ("Syria", "Syrian"),
    "Côte d'Ivoire": ("Ivorian",), "Philippines": ("Filipino", "Philippine"), "Iceland": ("Icelandic",),
}

# Endings of the words for a country's people or things: "Chadian", "Ghanaian", "Venezuelans",
# "Senegalese", "Pakistani", "Kuwaitis", "Nigerien".
_DEMONYM_ENDINGS = ("ian", "ians", "an", "ans", "ese", "i", "is", "ien", "iens")
# Words after a demonym that make it part of a name of its own: "the Indian Ocean".
_NOT_PEOPLE_AFTER = frozenset(("ocean", "sea", "gulf", "subcontinent"))
_DEMONYM = re.compile(r"(?<![\w-])([A-Z][a-z]+)(?![\w-])(?=(?:\s+(\w+))?)")
# First words of countries' names of several words: "South Sudanese" is not Sudanese, nor "Latin
# American" a people's word of one country.
_FIRST_WORDS = frozenset(c.split()[0] for c in COUNTRIES if " " in c) | {"Latin"}
# A country's whole name from a word on: "Dominican" in "the Dominican Republic" is no people's
# word, "Syrian" in "Syrian refugees" is; "Northern Ireland" (in "the United Kingdom of Great Britain
# and Northern Ireland") is not Ireland.
COUNTRY_AT = re.compile("(?:" + "|".join("(?<!Northern )Ireland" if c == "Ireland" else re.escape(c)
                                          for c in sorted(COUNTRIES, key=len, reverse=True))
                         + r")(?![\w-])")
_WORD_BEFORE = re.compile(r"(\S+)\s+$")


# People's words that no ending of the country's name makes ("Norwegian", "Lebanese"), with their
# plurals. Left out: words of two countries ("Congolese", "Korean"), languages more often meant
# than a people ("Portuguese", "Lao"), and "Palestinian", whose places a paragraph names instead
# (Gaza, the West Bank, East Jerusalem).
_IRREGULAR_DEMONYMS = {
    "Afghan": "Afghanistan", "Argentine": "Argentina", "Bahamian": "Bahamas", "Barbadian": "Barbados",
    "Belgian": "Belgium", "Bosnian": "Bosnia and Herzegovina", "Bruneian": "Brunei Darussalam",
    "Burkinabe": "Burkina Faso", "Burmese": "Myanmar", "Comorian": "Comoros", "Cypriot": "Cyprus",
    "Emirati": "United Arab Emirates", "Honduran": "Honduras", "Kazakh": "Kazakhstan", "Kyrgyz": "Kyrgyzstan",
    "Lebanese": "Lebanon", "Malagasy": "Madagascar", "Maldivian": "Maldives", "Marshallese": "Marshall Islands",
    "Mauritian": "Mauritius", "Moldovan": "Republic of Moldova", "Monegasque": "Monaco", "Montenegrin": "Montenegro",
    "Mozambican": "Mozambique", "Norwegian": "Norway", "Panamanian": "Panama",
    "Peruvian": "Peru", "Salvadoran": "El Salvador", "Saudi": "Saudi Arabia", "Seychellois": "Seychelles",
    "Slovak": "Slovakia", "Slovene": "Slovenia", "Somali": "Somalia", "Tajik": "Tajikistan", "Tanzanian":
    "United Republic of Tanzania", "Thai": "Thailand", "Timorese": "Timor-Leste", "Togolese": "Togo",
    "Trinidadian": "Trinidad and Tobago", "Turkmen": "Turkmenistan", "Uzbek": "Uzbekistan",
}


# People's words two countries share: "Dominican" is of Dominica and of the Dominican Republic.
_SHARED_DEMONYMS = frozenset(("Dominican", "Dominicans"))
# Forms an ending makes that are names or words of their own: "Dennis Francis", "chili".
_NOT_DEMONYMS = frozenset(("Francis", "Chili"))


def _demonym_index() -> dict[str, str]:
    """The demonym forms of each country of one word (its name, or its name less a final vowel or
    "y", with an ending: "Italian", "German"; "African" is no one country's), to the country. A form two names give goes to
    the longer one ("Nigerian" is Nigeria's, not Niger's). ADJECTIVES' forms are left out: "British
    galleries", "French" and "Swiss" more often tell a kind or a language than a country's people.
    The irregular ones (_IRREGULAR_DEMONYMS) are added with their plurals ("Afghans")."""
    forms: dict[str, tuple[int, str]] = {}
    for country in (c for c in COUNTRIES if " " not in c):
        for stem in {country, country[:-1]} if country[-1] in "aeoy" else {country}:
            for ending in _DEMONYM_ENDINGS + (("",) if country.endswith("y") and stem != country else ()):
                form = stem + ending
                if form not in COUNTRIES and len(country) > forms.get(form, (0, ""))[0]:
                    forms[form] = (len(country), country)
    index = {form: country for form, (_, country) in forms.items() if form not in _SHARED_DEMONYMS | _NOT_DEMONYMS}
    for word, country in _IRREGULAR_DEMONYMS.items():
        index[word] = country
        if not word.endswith(("ese", "ois", "sy", "z", "men")):  # "the Lebanese", "the Malagasy"
            index[word + "s"] = country
    return index


DEMONYMS = _demonym_index()


# People's words of countries of several words ("a South African company"), with their plurals.
LONG_DEMONYMS = {
    "South African": "South Africa", "South Sudanese": "South Sudan", "Sri Lankan": "Sri Lanka",
    "Costa Rican": "Costa Rica", "Sierra Leonean": "Sierra Leone", "Cabo Verdean": "Cabo Verde",
    "Equatorial Guinean": "Equatorial Guinea", "Papua New Guinean": "Papua New Guinea",
    "Saudi Arabian": "Saudi Arabia", "Bosnian and Herzegovinian": "Bosnia and Herzegovina",
}
_LONG_DEMONYM = re.compile(r"(?<![\w-])(" + "|".join(sorted(LONG_DEMONYMS, key=len, reverse=True))
                           + r")(?:(?<=n)s)?(?![\w-])")


def people_words(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """Each people's word of the text that names a country ("Chadian soldiers" -> Chad; group 1
    the word), with its country: not a hyphened one ("Kenyan-led"), one of a longer name ("South
    Sudanese"), nor a sea or ocean ("the Indian Ocean")."""
    for m in _DEMONYM.finditer(text):
        country = DEMONYMS.get(m.group(1))
        if not country or (m.group(2) or "").lower() in _NOT_PEOPLE_AFTER or COUNTRY_AT.match(text, m.start()):
            continue
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is None or before.group(1) not in _FIRST_WORDS:
            yield m, country


def long_demonym_countries(text: str) -> list[str]:
    """The countries of several words a text names by their people's word ("a South African
    company" -> South Africa), each once."""
    return list(dict.fromkeys(LONG_DEMONYMS[m.group(1)] for m in _LONG_DEMONYM.finditer(text)))


def demonym_countries(text: str) -> list[str]:
    """The countries a text names by their people's word only (`people_words`), each once."""
    return list(dict.fromkeys(country for _, country in people_words(text)))


# Other names a text may give a State or a country: former and common names, the nations of the
# United Kingdom, and forms without accents.
OTHER_NAMES = (
    "England", "Scotland", "Wales", "Northern Ireland", "Britain", "Great Britain", "Holland", "Soviet Union",
    "Union of Soviet Socialist Republics", "USSR", "Yugoslavia", "former Yugoslav Republic of Macedonia",
    "Czechoslovakia", "Czech Republic", "Zaire", "Burma", "Swaziland", "Cape Verde", "Palestine", "Cote d'Ivoire",
    "Ivory Coast", "Sao Tome", "São Tomé", "DRC", "East Timor", "Turkey",
)
OTHER_NAME_AT = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(OTHER_NAMES, key=len, reverse=True))
                           + r")(?![\w-])")


# The seats of government of the States, by which a text may name a State's Government ("New Delhi
# takes the view ...", "Addis Ababa and Mogadishu restored relations"): for the near-miss check of
# names a document never writes (rag.answer.constraints), a capital of a State the document names is
# a paraphrase of it.
CAPITALS = dict((part.split(": ")[0], part.split(": ")[1]) for part in """
Afghanistan: Kabul|Albania: Tirana|Algeria: Algiers|Andorra: Andorra la Vella|Angola: Luanda|
Antigua and Barbuda: Saint John's|Argentina: Buenos Aires|Armenia: Yerevan|Australia: Canberra|Austria: Vienna|
Azerbaijan: Baku|Bahamas: Nassau|Bahrain: Manama|Bangladesh: Dhaka|Barbados: Bridgetown|Belarus: Minsk|
Belgium: Brussels|Belize: Belmopan|Benin: Porto-Novo Cotonou|Bhutan: Thimphu|Bolivia: Sucre La Paz|
Bosnia and Herzegovina: Sarajevo|Botswana: Gaborone|Brazil: Brasilia Brasília|
Brunei Darussalam: Bandar Seri Begawan|Bulgaria: Sofia|Burkina Faso: Ouagadougou|Burundi: Gitega Bujumbura|
Cabo Verde: Praia|Cambodia: Phnom Penh|Cameroon: Yaoundé Yaounde|Canada: Ottawa|
Central African Republic: Bangui|Chad: N'Djamena Ndjamena|Chile: Santiago|China: Beijing|
Colombia: Bogotá Bogota|Comoros: Moroni|Congo: Brazzaville|Costa Rica: San José Jose|
Côte d'Ivoire: Yamoussoukro Abidjan|Croatia: Zagreb|Cuba: Havana|Cyprus: Nicosia|Czechia: Prague|
Democratic People's Republic of Korea: Pyongyang|Democratic Republic of the Congo: Kinshasa|
Denmark: Copenhagen|Djibouti: Djibouti|Dominica: Roseau|Dominican Republic: Santo Domingo|Ecuador: Quito|
Egypt: Cairo|El Salvador: San Salvador|Equatorial Guinea: Malabo|Eritrea: Asmara|Estonia: Tallinn|
Eswatini: Mbabane|Ethiopia: Addis Ababa|Fiji: Suva|Finland: Helsinki|France: Paris|Gabon: Libreville|
Gambia: Banjul|Georgia: Tbilisi|Germany: Berlin|Ghana: Accra|Greece: Athens|Grenada: Saint George's|
Guatemala: Guatemala City|Guinea: Conakry|Guinea-Bissau: Bissau|Guyana: Georgetown|Haiti: Port-au-Prince|
Holy See: Vatican|Honduras: Tegucigalpa|Hungary: Budapest|Iceland: Reykjavik|India: New Delhi|
Indonesia: Jakarta|Iran: Tehran|Iraq: Baghdad|Ireland: Dublin|Israel: Jerusalem Tel Aviv|Italy: Rome|
Jamaica: Kingston|Japan: Tokyo|Jordan: Amman|Kazakhstan: Astana|Kenya: Nairobi|Kiribati: Tarawa|
Kuwait: Kuwait City|Kyrgyzstan: Bishkek|Lao People's Democratic Republic: Vientiane|Latvia: Riga|
Lebanon: Beirut|Lesotho: Maseru|Liberia: Monrovia|Libya: Tripoli|Liechtenstein: Vaduz|Lithuania: Vilnius|
Luxembourg: Luxembourg|Madagascar: Antananarivo|Malawi: Lilongwe|Malaysia: Kuala Lumpur|Maldives: Malé Male|
Mali: Bamako|Malta: Valletta|Marshall Islands: Majuro|Mauritania: Nouakchott|Mauritius: Port Louis|
Mexico: Mexico City|Micronesia: Palikir|Monaco: Monaco|Mongolia: Ulaanbaatar|Montenegro: Podgorica|
Morocco: Rabat|Mozambique: Maputo|Myanmar: Naypyidaw Nay Pyi Taw Yangon|Namibia: Windhoek|Nauru: Yaren|
Nepal: Kathmandu|Netherlands: Amsterdam The Hague|New Zealand: Wellington|Nicaragua: Managua|Niger: Niamey|
Nigeria: Abuja|North Macedonia: Skopje|Norway: Oslo|Oman: Muscat|Pakistan: Islamabad|Palau: Ngerulmud|
Panama: Panama City|Papua New Guinea: Port Moresby|Paraguay: Asunción Asuncion|Peru: Lima|Philippines: Manila|
Poland: Warsaw|Portugal: Lisbon|Qatar: Doha|Republic of Korea: Seoul|Republic of Moldova: Chisinau Chișinău|
Romania: Bucharest|Russian Federation: Moscow|Rwanda: Kigali|Saint Kitts and Nevis: Basseterre|
Saint Lucia: Castries|Saint Vincent and the Grenadines: Kingstown|Samoa: Apia|San Marino: San Marino|
Sao Tome and Principe: São Tomé Sao Tome|Saudi Arabia: Riyadh|Senegal: Dakar|Serbia: Belgrade|
Seychelles: Victoria|Sierra Leone: Freetown|Singapore: Singapore|Slovakia: Bratislava|Slovenia: Ljubljana|
Solomon Islands: Honiara|Somalia: Mogadishu|South Africa: Pretoria Cape Town|South Sudan: Juba|Spain: Madrid|
Sri Lanka: Colombo Sri Jayawardenepura Kotte|Sudan: Khartoum|Suriname: Paramaribo|Sweden: Stockholm|
Switzerland: Bern Berne|Syrian Arab Republic: Damascus|Tajikistan: Dushanbe|Thailand: Bangkok|
Timor-Leste: Dili|Togo: Lomé Lome|Tonga: Nuku'alofa|Trinidad and Tobago: Port of Spain|Tunisia: Tunis|
Türkiye: Ankara|Turkmenistan: Ashgabat|Tuvalu: Funafuti|Uganda: Kampala|Ukraine: Kyiv Kiev|
United Arab Emirates: Abu Dhabi|United Kingdom: London|United Republic of Tanzania: Dodoma Dar es Salaam|
United States: Washington|Uruguay: Montevideo|Uzbekistan: Tashkent|Vanuatu: Port Vila|Venezuela: Caracas|
Viet Nam: Hanoi Ha Noi|Yemen: Sanaa Sana'a Aden|Zambia: Lusaka|Zimbabwe: Harare|
State of Palestine: Ramallah East Jerusalem
""".replace("\n", "").split("|"))


# The names people give countries that the documents write otherwise: "Syria" for the Syrian Arab
# Republic; a name a document may write itself (OTHER_NAMES: "Czech Republic", "Cape Verde") is
# left to the checks of names. Left out: "Palestine" (the documents write the State of Palestine or
# the Occupied Palestinian Territory, as the case may be).
COMMON_NAMES = {
    "Syria": "Syrian Arab Republic", "Russia": "Russian Federation", "Vietnam": "Viet Nam",
    "Tanzania": "United Republic of Tanzania", "Moldova": "Republic of Moldova",
    "Laos": "Lao People's Democratic Republic", "North Korea": "Democratic People's Republic of Korea",
    "South Korea": "Republic of Korea", "Brunei": "Brunei Darussalam",
}
COMMON_NAME_AT = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in COMMON_NAMES) + r")(?![\w-])")


def common_names(text: str, every: bool = False) -> list[tuple[str, str]]:
    """The countries a text gives by their common names, as (the name written, the country), not
    inside a full name ("Tanzania" of "United Republic of Tanzania"): each once, or `every` time."""
    found = [(m.group(1), COMMON_NAMES[m.group(1)]) for m in COMMON_NAME_AT.finditer(COUNTRY_AT.sub(" ", text))]
    return found if every else list(dict.fromkeys(found))
