"""The names of the States Members of the United Nations, the observer States and the
Non-Self-Governing Territories, as a question or a document writes them (short forms), for the
country constraint of rag.answer.constraints."""

from __future__ import annotations

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
