package org.orchestra.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data: about thirty datasets of the region, Brussels Mobility, Brussels Environment, Ixelles and Schaerbeek,
 * in French, Dutch and English, some with rich metadata and some with poor metadata (so that quality scores
 * differ), and one data service. Every dataset is marked {@code demo}, its description says the data is invented,
 * and its distributions point at the platform's own small demo files under {@code /opendata/demo/}. Seeded only
 * when {@code orchestra.demo.enabled} is on; a dataset already seeded (same identifier) is left alone.
 */
@Component
@ConditionalOnBooleanProperty("orchestra.demo.enabled")
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class OpendataDemoData implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(OpendataDemoData.class);

	static final String REGION = "region";
	static final String MOBILITY = "agency-mobility";
	static final String ENVIRONMENT = "agency-environment";
	static final String IXELLES = "commune-21009";
	static final String SCHAERBEEK = "commune-21015";

	/** Where the demo files are served, below the platform's base address. */
	static final String FILES = "/opendata/demo/";

	private static final String DEMO_FR = " Données de démonstration inventées : elles ne décrivent rien de réel.";
	private static final String DEMO_NL = " Verzonnen demonstratiegegevens: ze beschrijven niets echts.";
	private static final String DEMO_EN = " Invented demonstration data: it describes nothing real.";

	private static final String BRUSSELS = "http://publications.europa.eu/resource/authority/place/BEL_BRU";
	private static final String BRUSSELS_BBOX = "POLYGON((4.24 50.76,4.48 50.76,4.48 50.91,4.24 50.91,4.24 50.76))";
	private static final String IXELLES_BBOX = "POLYGON((4.35 50.81,4.40 50.81,4.40 50.84,4.35 50.84,4.35 50.81))";
	private static final String SCHAERBEEK_BBOX = "POLYGON((4.36 50.85,4.40 50.85,4.40 50.88,4.36 50.88,4.36 50.85))";

	private final DatasetStore store;
	private final OpendataProperties properties;
	private final TransactionTemplate transactions;
	private final JdbcTemplate jdbc;

	OpendataDemoData(DatasetStore store, OpendataProperties properties, TransactionTemplate transactions,
			JdbcTemplate jdbc) {
		this.store = store;
		this.properties = properties;
		this.transactions = transactions;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		int seeded = 0;
		for (Spec spec : specs()) {
			String identifier = "demo-" + spec.key;
			Integer held = jdbc.queryForObject("SELECT COUNT(*) FROM opendata_dataset WHERE identity_key = ?",
					Integer.class, identifier);
			if (held != null && held > 0) {
				continue;
			}
			DatasetRecord record = spec.toRecord(properties.baseUri(), identifier);
			OrganisationId organisation = OrganisationId.of(spec.organisation);
			Dataset dataset = TenantContext.callAs(organisation,
					() -> transactions.execute(status -> store.createLocal(organisation, record, true)));
			seedUsage(dataset.id(), spec.key);
			seeded++;
		}
		if (seeded > 0) {
			LOG.info("Seeded {} demo datasets (demo data)", seeded);
		}
	}

	/**
	 * Invented use of a demo dataset over the last three months (a few views and downloads a week, and visitors
	 * whose stored value says they are demo visitors), so that the statistics show something.
	 */
	private void seedUsage(UUID datasetId, String key) {
		int seed = Math.abs(key.hashCode());
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));
		for (int week = 0; week < 13; week++) {
			LocalDate day = today.minusWeeks(week).minusDays(1);
			long views = 3 + (seed + week * 7) % 17;
			jdbc.update("INSERT INTO opendata_usage (dataset_id, usage_day, views, downloads) VALUES (?, ?, ?, ?)",
					datasetId, day, views, views / 3);
		}
		for (int month = 0; month < 3; month++) {
			String usageMonth = YearMonth.from(today).minusMonths(month).toString();
			for (int visitor = 0; visitor < 2 + (seed + month) % 9; visitor++) {
				jdbc.update("INSERT INTO opendata_visitor (usage_month, dataset_id, visitor) VALUES (?, ?, ?)",
						usageMonth, datasetId, "demo-visitor-" + visitor);
			}
		}
	}

	/** The demo datasets. */
	static List<Spec> specs() {
		List<Spec> all = new ArrayList<>();
		// --- the region ---
		all.add(new Spec("regional-budget", REGION)
			.title("Budget régional par chapitre", "Gewestbegroting per hoofdstuk", "Regional budget by chapter")
			.description("Montants du budget régional par chapitre et par année.",
					"Bedragen van de gewestbegroting per hoofdstuk en per jaar.",
					"Amounts of the regional budget by chapter and year.")
			.keywords("budget", "begroting", "finances", "financiën")
			.themes("GOVE", "ECON")
			.languages("fr", "nl")
			.licence("CC0").frequency("ANNUAL").temporal(2025, 2025).spatial(BRUSSELS, BRUSSELS_BBOX)
			.contact("Service open data de la Région (démo)", "opendata.region@demo.orchestra.invalid")
			.dates("2024-01-15", "2025-03-01")
			.file("Budget 2025 (CSV)", "budget.csv", "CSV", "text/csv"));
		all.add(new Spec("population-by-municipality", REGION)
			.title("Population par commune", "Bevolking per gemeente", "Population by municipality")
			.description("Nombre d'habitants de quelques communes bruxelloises, par année.",
					"Aantal inwoners van enkele Brusselse gemeenten, per jaar.",
					"Number of inhabitants of some Brussels municipalities, by year.")
			.keywords("population", "bevolking", "démographie", "demografie", "communes", "gemeenten")
			.themes("SOCI", "REGI")
			.languages("fr", "nl", "en")
			.licence("CC_BY_4_0").frequency("ANNUAL").temporal(2015, 2025).spatial(BRUSSELS, BRUSSELS_BBOX)
			.contact("Service open data de la Région (démo)", "opendata.region@demo.orchestra.invalid")
			.dates("2023-02-01", "2025-02-10")
			.file("Population (CSV)", "population.csv", "CSV", "text/csv"));
		all.add(new Spec("air-quality", REGION)
			.title("Qualité de l'air : mesures journalières", "Luchtkwaliteit: dagelijkse metingen",
					"Air quality: daily measurements")
			.description("Concentrations journalières de NO2, PM10 et PM2,5 mesurées par des stations de démonstration.",
					"Dagelijkse concentraties van NO2, PM10 en PM2,5 gemeten door demonstratiemeetstations.",
					"Daily concentrations of NO2, PM10 and PM2.5 measured by demonstration stations.")
			.keywords("air", "lucht", "pollution", "vervuiling", "NO2", "PM10")
			.themes("ENVI", "HEAL")
			.languages("fr", "nl", "en")
			.licence("CC_BY_4_0").frequency("DAILY").temporal(2025, 2025).spatial(BRUSSELS, BRUSSELS_BBOX)
			.contact("Service open data de la Région (démo)", "opendata.region@demo.orchestra.invalid")
			.dates("2024-09-01", "2025-04-04")
			.file("Mesures / Metingen (CSV)", "air-quality.csv", "CSV", "text/csv"));
		all.add(new Spec("primary-schools", REGION)
			.title("Écoles fondamentales", "Basisscholen", "Primary schools")
			.description("Localisation et langue d'enseignement des écoles fondamentales.",
					"Ligging en onderwijstaal van de basisscholen.",
					"Location and teaching language of primary schools.")
			.keywords("écoles", "scholen", "enseignement", "onderwijs")
			.themes("EDUC")
			.languages("fr", "nl")
			.licence("CC_BY_4_0").frequency("ANNUAL").spatial(BRUSSELS, BRUSSELS_BBOX)
			.contact("Service open data de la Région (démo)", "opendata.region@demo.orchestra.invalid")
			.dates("2023-09-01", "2024-09-01")
			.file("Écoles / Scholen (GeoJSON)", "schools.geojson", "GEOJSON", "application/geo+json"));
		all.add(new Spec("public-wifi", REGION)
			.title("Points d'accès Wi-Fi public", "Openbare wifi-toegangspunten", "Public Wi-Fi hotspots")
			.description("Emplacement des points d'accès au Wi-Fi public gratuit.",
					"Ligging van de gratis openbare wifi-toegangspunten.",
					"Location of free public Wi-Fi hotspots.")
			.keywords("wifi", "internet", "numérique", "digitaal")
			.themes("TECH")
			.languages("fr", "nl")
			.licence("CC0").frequency("MONTHLY").spatial(BRUSSELS, null)
			.contact(null, "opendata.region@demo.orchestra.invalid")
			.dates("2024-03-01", "2025-01-20")
			.file("Hotspots (GeoJSON)", "wifi.geojson", "GEOJSON", "application/geo+json")
			.file("Hotspots (WMS)", "wms-capabilities.xml", "WMS_SRVC", null));
		all.add(new Spec("renovation-grants", REGION)
			.title("Primes à la rénovation octroyées", "Toegekende renovatiepremies", "Renovation grants awarded")
			.description("Nombre et montant des primes à la rénovation octroyées par type de travaux.",
					"Aantal en bedrag van de toegekende renovatiepremies per soort werken.", "")
			.keywords("rénovation", "renovatie", "énergie", "energie", "logement")
			.themes("ENER", "ECON")
			.languages("fr", "nl")
			.licence("CC_BY_4_0").frequency("QUARTERLY").temporal(2022, 2025)
			.dates(null, "2025-01-31")
			.file("Primes (CSV)", "budget.csv", "CSV", null));
		all.add(new Spec("public-procurement", REGION)
			.title("Marchés publics attribués", "Gegunde overheidsopdrachten", "")
			.description("Liste des marchés publics attribués.", "Lijst van de gegunde overheidsopdrachten.", "")
			.languages("fr", "nl")
			.file("Liste / Lijst (XLSX)", "budget.csv", "XLSX", null));
		all.add(new Spec("municipal-boundaries", REGION)
			.title("Limites des communes (carte)", "Gemeentegrenzen (kaart)", "Municipal boundaries (map)")
			.description("Service de carte des limites communales.", "Kaartdienst met de gemeentegrenzen.",
					"Map service of the municipal boundaries.")
			.keywords("limites", "grenzen", "cartographie", "cartografie")
			.themes("REGI")
			.languages("fr", "nl", "en")
			.licence("CC_BY_4_0").spatial(BRUSSELS, BRUSSELS_BBOX)
			.contact("Service open data de la Région (démo)", null)
			.dates("2022-06-01", "2024-11-15")
			.file("Carte / Kaart (WMS)", "wms-capabilities.xml", "WMS_SRVC", "text/xml"));
		// --- Brussels Mobility ---
		all.add(new Spec("shared-bike-stations", MOBILITY)
			.title("Stations de vélos partagés", "Deelfietsstations", "Shared bike stations")
			.description("Emplacement des stations de vélos partagés, avec le nombre d'emplacements et de vélos disponibles.",
					"Ligging van de deelfietsstations, met het aantal plaatsen en beschikbare fietsen.",
					"Location of shared bike stations, with the number of docks and available bikes.")
			.keywords("vélo", "fiets", "mobilité", "mobiliteit", "bike")
			.themes("TRAN")
			.languages("fr", "nl", "en")
			.licence("CC_BY_4_0").frequency("DAILY").spatial(BRUSSELS, BRUSSELS_BBOX)
			.contact("Bruxelles Mobilité – open data (démo)", "opendata.mobility@demo.orchestra.invalid")
			.landingPage("/opendata/publishers/" + MOBILITY)
			.dates("2023-04-01", "2025-05-08")
			.file("Stations (GeoJSON)", "bike-stations.geojson", "GEOJSON", "application/geo+json")
			.file("Stations (WMS)", "wms-capabilities.xml", "WMS_SRVC", "text/xml"));
		all.add(new Spec("bicycle-counts", MOBILITY)
			.title("Comptages de vélos", "Fietstellingen", "Bicycle counts")
			.description("Nombre de vélos comptés par jour aux compteurs automatiques.",
					"Aantal fietsen per dag geteld door de automatische telpalen.",
					"Number of bicycles counted per day by the automatic counters.")
			.keywords("vélo", "fiets", "comptage", "telling", "mobilité", "mobiliteit")
			.themes("TRAN")
			.languages("fr", "nl", "en")
			.licence("CC_BY_4_0").frequency("DAILY").temporal(2025, 2025).spatial(BRUSSELS, BRUSSELS_BBOX)
			.contact("Bruxelles Mobilité – open data (démo)", "opendata.mobility@demo.orchestra.invalid")
			.dates("2024-01-01", "2025-05-08")
			.file("Comptages / Tellingen (CSV)", "bike-counts.csv", "CSV", "text/csv")
			.file("Compteurs / Telpalen (GeoJSON)", "bike-stations.geojson", "GEOJSON", "application/geo+json"));
		all.add(new Spec("public-car-parks", MOBILITY)
			.title("Parkings publics", "Openbare parkings", "Public car parks")
			.description("Localisation et capacité des parkings publics.",
					"Ligging en capaciteit van de openbare parkings.", "Location and capacity of public car parks.")
			.keywords("parking", "stationnement", "parkeren", "mobilité", "mobiliteit")
			.themes("TRAN")
			.languages("fr", "nl", "en")
			.licence("CC_BY_4_0").frequency("MONTHLY").spatial(BRUSSELS, BRUSSELS_BBOX)
			.contact("Bruxelles Mobilité – open data (démo)", "opendata.mobility@demo.orchestra.invalid")
			.dates("2023-05-10", "2025-03-12")
			.file("Parkings (GeoJSON)", "car-parks.geojson", "GEOJSON", "application/geo+json"));
		all.add(new Spec("zones-30", MOBILITY)
			.title("Zones 30", "Zones 30", "30 km/h zones")
			.description("Périmètres des zones où la vitesse est limitée à 30 km/h.",
					"Perimeters van de zones waar de snelheid beperkt is tot 30 km/u.",
					"Perimeters of the zones where speed is limited to 30 km/h.")
			.keywords("vitesse", "snelheid", "sécurité routière", "verkeersveiligheid", "mobilité", "mobiliteit")
			.themes("TRAN", "JUST")
			.languages("fr", "nl")
			.licence("CC_BY_4_0").frequency("IRREG").spatial(BRUSSELS, BRUSSELS_BBOX)
			.contact("Bruxelles Mobilité – open data (démo)", "opendata.mobility@demo.orchestra.invalid")
			.dates("2021-01-01", "2024-06-30")
			.file("Zones (GeoJSON)", "zones-30.geojson", "GEOJSON", "application/geo+json")
			.file("Zones (WMS)", "wms-capabilities.xml", "WMS_SRVC", "text/xml"));
		all.add(new Spec("roadworks", MOBILITY)
			.title("Chantiers sur les voiries régionales", "Werken op de gewestwegen", "Roadworks on regional roads")
			.description("Chantiers en cours et prévus, avec leur durée et leur impact sur la circulation.",
					"Lopende en geplande werken, met hun duur en hun impact op het verkeer.",
					"Current and planned roadworks, with their duration and impact on traffic.")
			.keywords("chantiers", "werken", "circulation", "verkeer")
			.themes("TRAN")
			.languages("fr", "nl")
			.licence("CC_BY_4_0").frequency("DAILY").spatial(BRUSSELS, null)
			.contact("Bruxelles Mobilité – open data (démo)", "opendata.mobility@demo.orchestra.invalid")
			.dates("2024-02-01", "2025-05-01")
			.file("Chantiers / Werken (JSON)", "roadworks.json", "JSON", "application/json"));
		all.add(new Spec("charging-points", MOBILITY)
			.title("Bornes de recharge pour véhicules électriques", "Laadpalen voor elektrische voertuigen",
					"Charging points for electric vehicles")
			.description("Emplacement, nombre de prises et puissance des bornes de recharge.",
					"Ligging, aantal contactpunten en vermogen van de laadpalen.",
					"Location, sockets and power of the charging points.")
			.keywords("électrique", "elektrisch", "recharge", "laden", "mobilité", "mobiliteit")
			.themes("TRAN", "ENER")
			.languages("fr", "nl", "en")
			.licence("CC0").frequency("MONTHLY").spatial(BRUSSELS, BRUSSELS_BBOX)
			.contact("Bruxelles Mobilité – open data (démo)", "opendata.mobility@demo.orchestra.invalid")
			.dates("2023-10-01", "2025-04-20")
			.file("Bornes / Laadpalen (GeoJSON)", "charging-points.geojson", "GEOJSON", "application/geo+json"));
		all.add(new Spec("road-accidents", MOBILITY)
			.title("Accidents de la route", "Verkeersongevallen", "")
			.description("Accidents de la route avec blessés, par mois.", "Verkeersongevallen met gewonden, per maand.",
					"")
			.keywords("accidents", "ongevallen")
			.languages("fr", "nl")
			.file("Accidents / Ongevallen (CSV)", "bike-counts.csv", "CSV", null));
		all.add(new Spec("mobility-plan", MOBILITY)
			.title("Plan régional de mobilité (documents)", "Gewestelijk mobiliteitsplan (documenten)", "")
			.description("Documents du plan régional de mobilité.", "Documenten van het gewestelijk mobiliteitsplan.",
					"")
			.languages("fr", "nl")
			.file("Plan (PDF)", "README.txt", "PDF", "application/pdf"));
		all.add(new Spec("parking-api", MOBILITY).service("parking-occupancy.json", "parking-api-openapi.json")
			.title("API d'occupation des parkings (démo)", "API bezetting van de parkings (demo)",
					"Car park occupancy API (demo)")
			.description("Service donnant l'occupation des parkings publics en temps réel.",
					"Dienst die de bezetting van de openbare parkings in realtime geeft.",
					"Service giving the occupancy of public car parks in real time.")
			.keywords("parking", "parkeren", "api", "temps réel", "realtime")
			.themes("TRAN")
			.languages("fr", "nl", "en")
			.licence("CC_BY_4_0").accessRights("PUBLIC")
			.contact("Bruxelles Mobilité – open data (démo)", "opendata.mobility@demo.orchestra.invalid")
			.dates("2024-05-01", "2025-05-01"));
		// --- Brussels Environment ---
		all.add(new Spec("road-noise", ENVIRONMENT)
			.title("Bruit du trafic routier", "Wegverkeerslawaai", "Road traffic noise")
			.description("Niveaux de bruit (Lden) le long des principales voiries.",
					"Geluidsniveaus (Lden) langs de belangrijkste wegen.", "Noise levels (Lden) along the main roads.")
			.keywords("bruit", "geluid", "lawaai", "environnement", "leefmilieu")
			.themes("ENVI", "HEAL")
			.languages("fr", "nl", "en")
			.licence("CC_BY_4_0").frequency("ANNUAL").temporal(2021, 2021).spatial(BRUSSELS, BRUSSELS_BBOX)
			.contact("Bruxelles Environnement – open data (démo)", "opendata.environment@demo.orchestra.invalid")
			.dates("2022-03-01", "2023-03-01")
			.file("Bruit / Geluid (GeoJSON)", "noise.geojson", "GEOJSON", "application/geo+json")
			.file("Bruit / Geluid (WMS)", "wms-capabilities.xml", "WMS_SRVC", "text/xml"));
		all.add(new Spec("green-spaces-region", ENVIRONMENT)
			.title("Espaces verts accessibles au public", "Openbare groene ruimten", "Public green spaces")
			.description("Parcs, bois et jardins accessibles au public.", "Parken, bossen en tuinen toegankelijk voor het publiek.",
					"Parks, woods and gardens open to the public.")
			.keywords("parcs", "parken", "nature", "natuur", "espaces verts")
			.themes("ENVI")
			.languages("fr", "nl")
			.licence("ODC_ODBL").frequency("ANNUAL").spatial(BRUSSELS, BRUSSELS_BBOX)
			.contact("Bruxelles Environnement – open data (démo)", "opendata.environment@demo.orchestra.invalid")
			.dates("2022-05-01", "2024-05-01")
			.file("Espaces verts / Groene ruimten (GeoJSON)", "parks.geojson", "GEOJSON", "application/geo+json"));
		// --- Ixelles ---
		all.add(new Spec("ixelles-street-trees", IXELLES)
			.title("Arbres d'alignement à Ixelles", "Straatbomen in Elsene", "Street trees in Ixelles")
			.description("Inventaire des arbres d'alignement : essence, rue, année de plantation et hauteur.",
					"Inventaris van de straatbomen: soort, straat, plantjaar en hoogte.",
					"Inventory of street trees: species, street, planting year and height.")
			.keywords("arbres", "bomen", "nature", "natuur", "environnement")
			.themes("ENVI")
			.languages("fr", "nl", "en")
			.licence("CC_BY_4_0").frequency("ANNUAL").spatial(null, IXELLES_BBOX)
			.contact("Ixelles – service Environnement (démo)", "opendata.ixelles@demo.orchestra.invalid")
			.dates("2023-03-01", "2025-03-01")
			.file("Arbres / Bomen (CSV)", "trees.csv", "CSV", "text/csv")
			.file("Arbres / Bomen (GeoJSON)", "trees.geojson", "GEOJSON", "application/geo+json"));
		all.add(new Spec("ixelles-playgrounds", IXELLES)
			.title("Aires de jeux à Ixelles", "Speelpleinen in Elsene", "Playgrounds in Ixelles")
			.description("Localisation des aires de jeux et âge des enfants auxquels elles s'adressent.",
					"Ligging van de speelpleinen en de leeftijd van de kinderen voor wie ze bedoeld zijn.",
					"Location of playgrounds and the age of the children they are meant for.")
			.keywords("jeux", "spelen", "enfants", "kinderen")
			.themes("SOCI", "EDUC")
			.languages("fr", "nl")
			.licence("CC0").frequency("ANNUAL").spatial(null, IXELLES_BBOX)
			.contact("Ixelles – service Jeunesse (démo)", "opendata.ixelles@demo.orchestra.invalid")
			.dates("2024-04-01", "2025-04-01")
			.file("Aires de jeux / Speelpleinen (GeoJSON)", "playgrounds.geojson", "GEOJSON", "application/geo+json"));
		all.add(new Spec("ixelles-libraries", IXELLES)
			.title("Horaires des bibliothèques d'Ixelles", "Openingsuren van de bibliotheken van Elsene",
					"Opening hours of the libraries of Ixelles")
			.description("Jours et heures d'ouverture des bibliothèques francophone et néerlandophone.",
					"Openingsdagen en -uren van de Franstalige en Nederlandstalige bibliotheken.",
					"Opening days and hours of the French- and Dutch-speaking libraries.")
			.keywords("bibliothèques", "bibliotheken", "culture", "cultuur")
			.themes("EDUC")
			.languages("fr", "nl")
			.licence("CC_BY_4_0").frequency("IRREG")
			.contact("Ixelles – Culture (démo)", null)
			.dates("2024-09-01", "2025-01-06")
			.file("Horaires / Openingsuren (CSV)", "libraries.csv", "CSV", "text/csv"));
		all.add(new Spec("ixelles-council-sessions", IXELLES)
			.title("Séances du conseil communal d'Ixelles", "Zittingen van de gemeenteraad van Elsene", "")
			.description("Dates et ordres du jour des séances du conseil communal.",
					"Data en agenda's van de zittingen van de gemeenteraad.", "")
			.keywords("conseil communal", "gemeenteraad")
			.themes("GOVE")
			.languages("fr", "nl")
			.licence("CC0")
			.dates(null, "2025-02-20")
			.file("Séances / Zittingen (JSON)", "roadworks.json", "JSON", "application/json"));
		all.add(new Spec("ixelles-planning-permits", IXELLES)
			.title("Permis d'urbanisme délivrés à Ixelles", "Afgegeven stedenbouwkundige vergunningen in Elsene", "")
			.description("Permis d'urbanisme délivrés par la commune.",
					"Door de gemeente afgegeven stedenbouwkundige vergunningen.", "")
			.languages("fr")
			.file("Permis (XLSX)", "budget.csv", "XLSX", null));
		all.add(new Spec("ixelles-bulky-waste", IXELLES)
			.title("Collectes des encombrants à Ixelles", "Ophaling van grofvuil in Elsene", "")
			.description("Calendrier des collectes d'encombrants par quartier.",
					"Kalender van de ophalingen van grofvuil per wijk.", "")
			.languages("fr", "nl")
			.file("Calendrier / Kalender (page)", "README.txt", "HTML", null));
		// --- Schaerbeek ---
		all.add(new Spec("schaerbeek-population-by-quarter", SCHAERBEEK)
			.title("Population de Schaerbeek par quartier", "Bevolking van Schaarbeek per wijk",
					"Population of Schaerbeek by quarter")
			.description("Population, ménages et âge médian par quartier.",
					"Bevolking, huishoudens en mediane leeftijd per wijk.",
					"Population, households and median age by quarter.")
			.keywords("population", "bevolking", "quartiers", "wijken", "démographie", "demografie")
			.themes("SOCI")
			.languages("fr", "nl", "en")
			.licence("CC_BY_4_0").frequency("ANNUAL").temporal(2024, 2024).spatial(null, SCHAERBEEK_BBOX)
			.contact("Schaerbeek – Population (démo)", "opendata.schaerbeek@demo.orchestra.invalid")
			.dates("2024-02-01", "2025-02-01")
			.file("Quartiers / Wijken (CSV)", "quarters.csv", "CSV", "text/csv"));
		all.add(new Spec("schaerbeek-parks", SCHAERBEEK)
			.title("Parcs de Schaerbeek", "Parken van Schaarbeek", "Parks of Schaerbeek")
			.description("Périmètre et superficie des parcs communaux.", "Perimeter en oppervlakte van de gemeentelijke parken.",
					"Perimeter and area of the municipal parks.")
			.keywords("parcs", "parken", "espaces verts", "groene ruimten")
			.themes("ENVI")
			.languages("fr", "nl")
			.licence("CC_BY_4_0").frequency("ANNUAL").spatial(null, SCHAERBEEK_BBOX)
			.contact("Schaerbeek – Espaces verts (démo)", "opendata.schaerbeek@demo.orchestra.invalid")
			.dates("2023-06-01", "2024-06-01")
			.file("Parcs / Parken (GeoJSON)", "parks.geojson", "GEOJSON", "application/geo+json"));
		all.add(new Spec("schaerbeek-illegal-dumping", SCHAERBEEK)
			.title("Dépôts clandestins signalés à Schaerbeek", "Gemelde sluikstorten in Schaarbeek",
					"Reported illegal dumping in Schaerbeek")
			.description("Nombre de dépôts clandestins signalés par mois et par quartier.",
					"Aantal gemelde sluikstorten per maand en per wijk.",
					"Number of reported illegal dumping cases by month and quarter.")
			.keywords("propreté", "netheid", "déchets", "afval")
			.themes("ENVI", "JUST")
			.languages("fr", "nl")
			.licence("CC_BY_4_0").frequency("MONTHLY").temporal(2024, 2025).spatial(null, SCHAERBEEK_BBOX)
			.contact("Schaerbeek – Propreté (démo)", "opendata.schaerbeek@demo.orchestra.invalid")
			.dates("2024-01-01", "2025-04-30")
			.file("Signalements / Meldingen (CSV)", "quarters.csv", "CSV", "text/csv"));
		all.add(new Spec("schaerbeek-budget", SCHAERBEEK)
			.title("Budget communal de Schaerbeek", "Gemeentebegroting van Schaarbeek", "Municipal budget of Schaerbeek")
			.description("Budget communal par fonction.", "Gemeentebegroting per functie.", "Municipal budget by function.")
			.keywords("budget", "begroting")
			.themes("GOVE")
			.languages("fr", "nl")
			.licence("CC0").frequency("ANNUAL").temporal(2025, 2025)
			.contact("Schaerbeek – Finances (démo)", null)
			.dates("2024-12-15", "2024-12-15")
			.file("Budget (CSV)", "budget.csv", "CSV", "text/csv")
			.file("Budget (XLSX)", "budget.csv", "XLSX", null));
		all.add(new Spec("schaerbeek-markets", SCHAERBEEK)
			.title("Marchés hebdomadaires de Schaerbeek", "Wekelijkse markten van Schaarbeek",
					"Weekly markets of Schaerbeek")
			.description("Jours, lieux et heures des marchés hebdomadaires.", "Dagen, plaatsen en uren van de wekelijkse markten.",
					"Days, places and hours of the weekly markets.")
			.keywords("marchés", "markten", "commerce", "handel")
			.themes("ECON")
			.languages("fr", "nl", "en")
			.licence("CC_BY_4_0").frequency("IRREG")
			.contact("Schaerbeek – Commerce (démo)", "opendata.schaerbeek@demo.orchestra.invalid")
			.dates("2024-03-01", "2025-03-01")
			.file("Marchés / Markten (JSON)", "roadworks.json", "JSON", "application/json"));
		all.add(new Spec("schaerbeek-street-names", SCHAERBEEK)
			.title("Noms de rues de Schaerbeek", "Straatnamen van Schaarbeek", "")
			.description("Liste des noms de rues en français et en néerlandais.",
					"Lijst van de straatnamen in het Frans en het Nederlands.", "")
			.keywords("rues", "straten")
			.languages("fr", "nl")
			.file("Rues / Straten (CSV)", "quarters.csv", "CSV", null));
		return all;
	}

	/** A demo dataset, written fluently. */
	static final class Spec {

		final String key;
		final String organisation;
		DatasetRecord.Kind kind = DatasetRecord.Kind.DATASET;
		Map<String, String> title = new LinkedHashMap<>();
		Map<String, String> description = new LinkedHashMap<>();
		List<String> keywords = List.of();
		List<String> themes = List.of();
		List<String> languages = List.of();
		@Nullable String licence;
		@Nullable String accessRights;
		@Nullable String frequency;
		@Nullable LocalDate temporalStart;
		@Nullable LocalDate temporalEnd;
		@Nullable String spatialUri;
		@Nullable String bbox;
		@Nullable String contactName;
		@Nullable String contactEmail;
		@Nullable String landingPage;
		@Nullable Instant issued;
		@Nullable Instant modified;
		@Nullable String endpoint;
		@Nullable String endpointDescription;
		final List<String[]> files = new ArrayList<>();

		Spec(String key, String organisation) {
			this.key = key;
			this.organisation = organisation;
		}

		Spec title(String fr, String nl, String en) {
			put(title, fr, nl, en, "", "", "");
			return this;
		}

		Spec description(String fr, String nl, String en) {
			put(description, fr, nl, en, DEMO_FR, DEMO_NL, DEMO_EN);
			return this;
		}

		private static void put(Map<String, String> map, String fr, String nl, String en, String suffixFr,
				String suffixNl, String suffixEn) {
			map.put("fr", fr + suffixFr);
			map.put("nl", nl + suffixNl);
			if (!en.isEmpty()) {
				map.put("en", en + suffixEn);
			}
		}

		Spec keywords(String... values) {
			keywords = List.of(values);
			return this;
		}

		Spec themes(String... codes) {
			themes = List.of(codes);
			return this;
		}

		Spec languages(String... codes) {
			languages = List.of(codes);
			return this;
		}

		Spec licence(String code) {
			licence = Vocabularies.LICENCE_BASE + code;
			return this;
		}

		Spec accessRights(String code) {
			accessRights = Vocabularies.ACCESS_RIGHT_BASE + code;
			return this;
		}

		Spec frequency(String code) {
			frequency = Vocabularies.FREQUENCY_BASE + code;
			if (accessRights == null) {
				accessRights = Vocabularies.ACCESS_RIGHT_BASE + "PUBLIC";
			}
			return this;
		}

		Spec temporal(int fromYear, int toYear) {
			temporalStart = LocalDate.of(fromYear, 1, 1);
			temporalEnd = LocalDate.of(toYear, 12, 31);
			return this;
		}

		Spec spatial(@Nullable String uri, @Nullable String box) {
			spatialUri = uri;
			bbox = box;
			return this;
		}

		Spec contact(@Nullable String name, @Nullable String email) {
			contactName = name;
			contactEmail = email;
			return this;
		}

		Spec landingPage(String path) {
			landingPage = path;
			return this;
		}

		Spec dates(@Nullable String issuedOn, @Nullable String modifiedOn) {
			issued = issuedOn == null ? null : LocalDate.parse(issuedOn).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
			modified = modifiedOn == null ? null
					: LocalDate.parse(modifiedOn).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
			return this;
		}

		Spec file(String name, String file, String format, @Nullable String mediaType) {
			files.add(new String[] { name, file, format, mediaType });
			return this;
		}

		Spec service(String endpointFile, String descriptionFile) {
			kind = DatasetRecord.Kind.SERVICE;
			endpoint = endpointFile;
			endpointDescription = descriptionFile;
			return this;
		}

		DatasetRecord toRecord(String baseUri, String identifier) {
			String files = baseUri + FILES;
			List<DatasetRecord.DistributionRecord> distributions = new ArrayList<>();
			boolean rich = contactEmail != null && licence != null;
			for (String[] file : this.files) {
				String url = files + file[1];
				boolean download = !"WMS_SRVC".equals(file[2]) && !"HTML".equals(file[2]);
				distributions.add(new DatasetRecord.DistributionRecord(null, Map.of("fr", file[0], "nl", file[0]),
						Map.of(), url, download && rich ? url : null, file[2], file[3], rich ? licence : null,
						rich ? size(file[1]) : null, modified));
			}
			return new DatasetRecord(key, kind, null, identifier, title, description, keywords, themes, languages,
					licence, accessRights, frequency, temporalStart, temporalEnd, spatialUri, bbox, contactName,
					contactEmail, landingPage == null ? null : baseUri + landingPage, issued, modified, null,
					distributions, endpoint == null ? null : files + endpoint,
					endpointDescription == null ? null : files + endpointDescription);
		}

		private static @Nullable Long size(String file) {
			try (var in = OpendataDemoData.class.getResourceAsStream("/static" + FILES + file)) {
				return in == null ? null : (long) in.readAllBytes().length;
			}
			catch (java.io.IOException e) {
				return null;
			}
		}
	}
}
