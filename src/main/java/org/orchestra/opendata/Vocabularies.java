package org.orchestra.opendata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The EU controlled vocabularies the catalogue speaks (data themes, licences, file types, languages, access
 * rights, frequencies) and the mapping of what sources write to them.
 */
public final class Vocabularies {

	public static final String THEME_BASE = "http://publications.europa.eu/resource/authority/data-theme/";
	public static final String THEME_SCHEME = "http://publications.europa.eu/resource/authority/data-theme";
	public static final String LICENCE_BASE = "http://publications.europa.eu/resource/authority/licence/";
	public static final String FILE_TYPE_BASE = "http://publications.europa.eu/resource/authority/file-type/";
	public static final String LANGUAGE_BASE = "http://publications.europa.eu/resource/authority/language/";
	public static final String ACCESS_RIGHT_BASE = "http://publications.europa.eu/resource/authority/access-right/";
	public static final String FREQUENCY_BASE = "http://publications.europa.eu/resource/authority/frequency/";

	/** EU data-theme codes, in the order the portal shows them. */
	public static final List<String> THEMES = List.of("AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR",
			"JUST", "REGI", "SOCI", "TECH", "TRAN");

	/** Words (folded) that sources use for a theme: CKAN groups, Opendatasoft themes, ISO topic categories. */
	private static final Map<String, String> THEME_WORDS = new LinkedHashMap<>();

	/** Licence codes of the EU vocabulary by the forms sources write them in (folded, without punctuation). */
	private static final Map<String, String> LICENCE_WORDS = new LinkedHashMap<>();

	/** File types by extension or media type. */
	private static final Map<String, String> FORMAT_WORDS = new LinkedHashMap<>();

	/** Licence codes considered open (Open Definition conformant). */
	public static final Set<String> OPEN_LICENCES = Set.of("CC_BY_4_0", "CC0", "CC_BYSA_4_0", "ODC_BY", "ODC_ODBL",
			"ODC_PDDL", "CC_BY_3_0", "CC_BYSA_3_0", "ETALAB_2_0", "ETALAB_1_0", "OGL_3_0", "APACHE_2_0", "MIT");

	/** File types that are not proprietary and machine readable, as the European portal's assessment counts them. */
	public static final Set<String> NON_PROPRIETARY = Set.of("CSV", "JSON", "GEOJSON", "XML", "RDF_XML", "RDF_TURTLE",
			"JSON_LD", "RDF_N_TRIPLES", "TSV", "ODS", "GML", "KML", "HTML", "TXT", "WMS_SRVC", "WFS_SRVC", "GPKG",
			"ZIP", "PDF", "GTFS", "NETCDF");

	public static final Set<String> MACHINE_READABLE = Set.of("CSV", "JSON", "GEOJSON", "XML", "RDF_XML",
			"RDF_TURTLE", "JSON_LD", "RDF_N_TRIPLES", "TSV", "ODS", "XLSX", "XLS", "GML", "KML", "SHP", "GPKG",
			"WMS_SRVC", "WFS_SRVC", "GTFS", "NETCDF");

	static {
		theme("AGRI", "agriculture", "farming", "landbouw", "peche", "visserij", "alimentation", "voeding", "food");
		theme("ECON", "economie", "economy", "economics", "economy and finance", "economie et finances", "economie en financien",
				"finance", "financien", "emploi", "werk", "business", "entreprises", "ondernemingen", "commerce", "handel");
		theme("EDUC", "education", "onderwijs", "enseignement", "culture", "cultuur", "sport", "sports", "jeunesse",
				"jeugd", "education culture and sport");
		theme("ENER", "energie", "energy", "utilitiescommunication");
		theme("ENVI", "environnement", "environment", "milieu", "leefmilieu", "climat", "klimaat", "biota",
				"climatologymeteorologyatmosphere", "inlandwaters", "oceans", "geoscientificinformation", "eau", "water",
				"espaces verts", "groene ruimten", "nature", "natuur", "proprete", "netheid");
		theme("GOVE", "gouvernement", "government", "overheid", "administration", "bestuur", "secteur public",
				"publieke sector", "government and public sector", "politique", "politiek", "finances publiques",
				"budget", "elections", "verkiezingen");
		theme("HEAL", "sante", "health", "gezondheid", "welzijn");
		theme("INTR", "international", "internationaal", "international issues");
		theme("JUST", "justice", "justitie", "securite", "veiligheid", "security", "police", "politie",
				"justice legal system and public safety", "prevention", "preventie");
		theme("REGI", "regions", "regions et villes", "regio", "regio s en steden", "regions and cities",
				"urbanisme", "stedenbouw", "planningcadastre", "boundaries", "location", "structure", "imagerybasemapsearthcover",
				"elevation", "amenagement du territoire", "ruimtelijke ordening", "logement", "huisvesting", "housing",
				"territoire", "grondgebied", "adresses", "adressen");
		theme("SOCI", "population", "bevolking", "society", "societe", "samenleving", "population et societe",
				"bevolking en samenleving", "social", "sociaal", "society", "demographie", "demografie", "society",
				"tourisme", "toerisme", "tourism");
		theme("TECH", "science", "wetenschap", "technologie", "technology", "innovation", "innovatie",
				"science and technology");
		theme("TRAN", "mobilite", "mobiliteit", "mobility", "transport", "transportation", "vervoer", "verkeer",
				"circulation", "traffic", "parking", "stationnement", "parkeren");
		licence("CC_BY_4_0", "cc by", "cc by 4 0", "cc by 4", "cc-by", "ccby", "creative commons attribution",
				"creative commons attribution 4 0", "creative commons attribution 4 0 international",
				"creativecommons org licenses by 4 0", "cc by 4 0 international", "attribution 4 0 international",
				"http creativecommons org licenses by 4 0", "https creativecommons org licenses by 4 0", "cc by 4 0 licence");
		licence("CC0", "cc0", "cc zero", "cc 0", "cc0 1 0", "cczero", "public domain", "creativecommons org publicdomain zero 1 0",
				"http creativecommons org publicdomain zero 1 0", "https creativecommons org publicdomain zero 1 0",
				"creative commons cczero", "domaine public", "publiek domein");
		licence("CC_BYSA_4_0", "cc by sa", "cc by sa 4 0", "cc-by-sa", "creative commons attribution share alike",
				"creative commons attribution sharealike 4 0", "http creativecommons org licenses by sa 4 0",
				"https creativecommons org licenses by sa 4 0");
		licence("ODC_ODBL", "odbl", "odc odbl", "open database license", "open database licence odbl",
				"open database license odbl", "http opendatacommons org licenses odbl", "https opendatacommons org licenses odbl",
				"http opendatacommons org licenses odbl 1 0", "https opendatacommons org licenses odbl 1 0");
		licence("ODC_BY", "odc by", "odc-by", "open data commons attribution license",
				"http opendatacommons org licenses by", "https opendatacommons org licenses by 1 0");
		licence("ODC_PDDL", "odc pddl", "pddl", "open data commons public domain dedication and license");
		licence("ETALAB_2_0", "licence ouverte", "licence ouverte v2 0", "licence ouverte 2 0", "etalab 2 0",
				"lov2", "open licence", "open licence 2 0");
		licence("CC_BY_3_0", "cc by 3 0", "creative commons attribution 3 0");
		licence("OGL_3_0", "ogl", "uk ogl", "open government licence", "open government licence 3 0");
		format("CSV", "csv", "text/csv", "text/comma-separated-values", "application/csv");
		format("JSON", "json", "application/json");
		format("GEOJSON", "geojson", "application/geo+json", "application/vnd.geo+json");
		format("XML", "xml", "application/xml", "text/xml");
		format("RDF_XML", "rdf", "rdf/xml", "rdf xml", "application/rdf+xml");
		format("RDF_TURTLE", "ttl", "turtle", "text/turtle");
		format("JSON_LD", "jsonld", "json-ld", "application/ld+json");
		format("RDF_N_TRIPLES", "nt", "n-triples", "application/n-triples");
		format("XLSX", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		format("XLS", "xls", "application/vnd.ms-excel", "excel");
		format("ODS", "ods", "application/vnd.oasis.opendocument.spreadsheet");
		format("PDF", "pdf", "application/pdf");
		format("HTML", "html", "htm", "text/html", "web page", "webpage");
		format("ZIP", "zip", "application/zip");
		format("SHP", "shp", "shapefile", "esri shapefile", "application/x-shapefile");
		format("KML", "kml", "application/vnd.google-earth.kml+xml");
		format("GML", "gml", "application/gml+xml");
		format("GPKG", "gpkg", "geopackage", "application/geopackage+sqlite3");
		format("WMS_SRVC", "wms", "ogc:wms", "ogc wms", "ogc:wms-1.3.0-http-get-map", "ogc:wms-1.1.1-http-get-map");
		format("WFS_SRVC", "wfs", "ogc:wfs", "ogc wfs");
		format("TSV", "tsv", "text/tab-separated-values");
		format("TXT", "txt", "text/plain");
		format("GTFS", "gtfs");
		format("NETCDF", "netcdf", "nc");
	}

	private Vocabularies() {
	}

	private static void theme(String code, String... words) {
		THEME_WORDS.put(code.toLowerCase(Locale.ROOT), code);
		for (String word : words) {
			THEME_WORDS.putIfAbsent(simplify(word), code);
		}
	}

	private static void licence(String code, String... words) {
		LICENCE_WORDS.put(simplify(code), code);
		for (String word : words) {
			LICENCE_WORDS.putIfAbsent(simplify(word), code);
		}
	}

	private static void format(String code, String... words) {
		FORMAT_WORDS.put(simplify(code), code);
		for (String word : words) {
			FORMAT_WORDS.putIfAbsent(simplify(word), code);
		}
	}

	/** Folded, punctuation to spaces, collapsed. */
	static String simplify(String text) {
		return Texts.fold(text).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	/** The EU data-theme code for what a source calls a theme, group, category or topic, if it is known. */
	public static Optional<String> theme(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		if (value.startsWith(THEME_BASE)) {
			String code = value.substring(THEME_BASE.length());
			return THEMES.contains(code) ? Optional.of(code) : Optional.empty();
		}
		return Optional.ofNullable(THEME_WORDS.get(simplify(value)));
	}

	/**
	 * The IRI of the licence in the EU vocabulary when the source's licence (an identifier, title or IRI) is known,
	 * else the source's IRI as given, else empty.
	 */
	public static Optional<String> licence(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		if (value.startsWith(LICENCE_BASE)) {
			return Optional.of(value);
		}
		String code = LICENCE_WORDS.get(simplify(value));
		if (code != null) {
			return Optional.of(LICENCE_BASE + code);
		}
		return value.startsWith("http://") || value.startsWith("https://") ? Optional.of(value.strip())
				: Optional.empty();
	}

	/** The code of an EU licence IRI ({@code CC_BY_4_0}), or the value itself. */
	public static String licenceCode(String licence) {
		return licence.startsWith(LICENCE_BASE) ? licence.substring(LICENCE_BASE.length()) : licence;
	}

	/** The EU file-type code for a format name, extension or media type, if known. */
	public static Optional<String> format(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		if (value.startsWith(FILE_TYPE_BASE)) {
			return Optional.of(value.substring(FILE_TYPE_BASE.length()));
		}
		return Optional.ofNullable(FORMAT_WORDS.get(simplify(value)));
	}

	/** The file type guessed from the end of a URL ({@code .csv}), if any. */
	public static Optional<String> formatOfUrl(@Nullable String url) {
		if (url == null) {
			return Optional.empty();
		}
		String path = url.replaceFirst("[?#].*$", "");
		int dot = path.lastIndexOf('.');
		int slash = path.lastIndexOf('/');
		return dot > slash && dot > 0 ? format(path.substring(dot + 1)) : Optional.empty();
	}

	/** The ISO 639-1 code for a language code or EU language IRI ({@code FRA} → {@code fr}), if known. */
	public static Optional<String> language(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		String code = value.startsWith(LANGUAGE_BASE) ? value.substring(LANGUAGE_BASE.length()) : value.strip();
		return Optional.ofNullable(switch (code.toLowerCase(Locale.ROOT)) {
			case "fr", "fra", "fre", "french", "francais", "français" -> "fr";
			case "nl", "nld", "dut", "dutch", "nederlands" -> "nl";
			case "en", "eng", "english", "anglais", "engels" -> "en";
			case "de", "deu", "ger", "german", "deutsch" -> "de";
			default -> code.length() == 2 ? code.toLowerCase(Locale.ROOT) : null;
		});
	}

	/** The EU language IRI for an ISO 639-1 code. */
	public static String languageIri(String code) {
		return LANGUAGE_BASE + switch (code) {
			case "fr" -> "FRA";
			case "nl" -> "NLD";
			case "en" -> "ENG";
			case "de" -> "DEU";
			default -> code.toUpperCase(Locale.ROOT);
		};
	}
}
