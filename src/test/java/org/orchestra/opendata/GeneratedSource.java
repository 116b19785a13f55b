package org.orchestra.opendata;

import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A catalogue of any size made up on the fly, served by a {@link FixtureServer} both as DCAT Turtle with Hydra
 * paging ({@code /dcat/catalog?page=N}) and as a CKAN Action API ({@code /api/3/action/package_search}). Dataset
 * {@code i} is the same through both, so its identifier is shared. Used by the benchmark.
 */
public final class GeneratedSource {

	private static final String[] THEMES = { "TRAN", "ENVI", "REGI", "SOCI", "ECON", "GOVE" };
	private static final String[] FORMATS = { "CSV", "GEOJSON", "JSON", "XLSX" };

	private final int total;
	private final int pageSize;
	/** Bumped to change every dataset's modification date (a source where everything changed). */
	private volatile int revision;

	public GeneratedSource(int total, int pageSize) {
		this.total = total;
		this.pageSize = pageSize;
	}

	public void revise() {
		revision++;
	}

	/** Serves both protocols on the server. */
	public void serveOn(FixtureServer server) {
		server.handle("/dcat/catalog", exchange -> {
			Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
			int page = Integer.parseInt(query.getOrDefault("page", "1"));
			byte[] body = turtlePage(server.url("/dcat/catalog"), page).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/turtle; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.handle("/api/3/action/package_search", exchange -> {
			Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
			int start = Integer.parseInt(query.getOrDefault("start", "0"));
			int rows = Integer.parseInt(query.getOrDefault("rows", "10"));
			byte[] body = ckanPage(server.url(""), start, rows).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> values = new HashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return values;
	}

	String turtlePage(String catalog, int page) {
		int first = (page - 1) * pageSize;
		int last = Math.min(total, first + pageSize);
		StringBuilder ttl = new StringBuilder(pageSize * 1500);
		ttl.append("""
				@prefix dcat: <http://www.w3.org/ns/dcat#> .
				@prefix dct: <http://purl.org/dc/terms/> .
				@prefix foaf: <http://xmlns.com/foaf/0.1/> .
				@prefix hydra: <http://www.w3.org/ns/hydra/core#> .
				@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
				@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
				""");
		String base = catalog.replaceFirst("/dcat/catalog$", "");
		ttl.append('<').append(catalog).append("> a dcat:Catalog ; dct:title \"Generated catalogue\"@en");
		for (int i = first; i < last; i++) {
			ttl.append(" ;\n  dcat:dataset <").append(base).append("/datasets/").append(i).append('>');
		}
		ttl.append(" .\n");
		for (int i = first; i < last; i++) {
			String ds = base + "/datasets/" + i;
			String format = FORMATS[i % FORMATS.length];
			ttl.append('<').append(ds).append("> a dcat:Dataset ;\n")
				.append("  dct:identifier \"generated-").append(i).append("\" ;\n")
				.append("  dct:title \"Jeu de données généré numéro ").append(i).append("\"@fr, \"Gegenereerde dataset nummer ")
				.append(i).append("\"@nl, \"Generated dataset number ").append(i).append("\"@en ;\n")
				.append("  dct:description \"Données fictives de mesure ").append(i % 97)
				.append(" pour la commune ").append(i % 19).append(", mises à jour chaque jour.\"@fr, \"Fictieve meetgegevens ")
				.append(i % 97).append(" voor gemeente ").append(i % 19).append(", dagelijks bijgewerkt.\"@nl ;\n")
				.append("  dcat:keyword \"mesure\"@fr, \"meting\"@nl, \"serie-").append(i % 50).append("\" ;\n")
				.append("  dcat:theme <http://publications.europa.eu/resource/authority/data-theme/")
				.append(THEMES[i % THEMES.length]).append("> ;\n")
				.append("  dct:license <http://publications.europa.eu/resource/authority/licence/CC_BY_4_0> ;\n")
				.append("  dct:language <http://publications.europa.eu/resource/authority/language/FRA>, <http://publications.europa.eu/resource/authority/language/NLD> ;\n")
				.append("  dct:issued \"2024-01-01T00:00:00Z\"^^xsd:dateTime ;\n")
				.append("  dct:modified \"").append(String.format(Locale.ROOT, "2025-%02d-%02dT00:00:%02dZ", 1 + i % 12, 1 + i % 28, revision % 60))
				.append("\"^^xsd:dateTime ;\n")
				.append("  dct:publisher <").append(base).append("/publishers/").append(i % 20).append("> ;\n")
				.append("  dcat:contactPoint [ a vcard:Kind ; vcard:fn \"Data desk\" ; vcard:hasEmail <mailto:data@example.org> ] ;\n")
				.append("  dcat:distribution <").append(ds).append("/distribution> .\n");
			ttl.append('<').append(ds).append("/distribution> a dcat:Distribution ;\n")
				.append("  dcat:accessURL <").append(base).append("/files/").append(i).append('.').append(format.toLowerCase(Locale.ROOT)).append("> ;\n")
				.append("  dct:format <http://publications.europa.eu/resource/authority/file-type/").append(format).append("> ;\n")
				.append("  dcat:byteSize \"").append(1000 + i).append("\"^^xsd:nonNegativeInteger .\n");
		}
		for (int p = 0; p < 20; p++) {
			ttl.append('<').append(base).append("/publishers/").append(p)
				.append("> a foaf:Agent ; foaf:name \"Éditeur généré ").append(p).append("\"@fr .\n");
		}
		ttl.append('<').append(catalog).append("?page=").append(page).append("> a hydra:PartialCollectionView ;\n")
			.append("  hydra:totalItems ").append(total);
		if (last < total) {
			ttl.append(" ;\n  hydra:next <").append(catalog).append("?page=").append(page + 1).append('>');
		}
		ttl.append(" .\n");
		return ttl.toString();
	}

	String ckanPage(String base, int start, int rows) {
		int last = Math.min(total, start + rows);
		StringBuilder json = new StringBuilder(rows * 1200);
		json.append("{\"help\":\"generated\",\"success\":true,\"result\":{\"count\":").append(total).append(",\"results\":[");
		for (int i = start; i < last; i++) {
			String format = FORMATS[i % FORMATS.length];
			if (i > start) {
				json.append(',');
			}
			json.append("{\"id\":\"").append(String.format(Locale.ROOT, "%08d-0000-4000-8000-000000000000", i))
				.append("\",\"name\":\"generated-").append(i)
				.append("\",\"title\":\"Jeu de données généré numéro ").append(i)
				.append("\",\"notes\":\"Données fictives de mesure ").append(i % 97).append(" pour la commune ").append(i % 19)
				.append(".\",\"license_id\":\"cc-by\",\"metadata_modified\":\"2025-")
				.append(String.format(Locale.ROOT, "%02d-%02dT00:00:%02d", 1 + i % 12, 1 + i % 28, revision % 60))
				.append("\",\"state\":\"active\",\"private\":false,\"type\":\"dataset\"")
				.append(",\"organization\":{\"id\":\"org-").append(i % 20).append("\",\"name\":\"publisher-").append(i % 20)
				.append("\",\"title\":\"Éditeur généré ").append(i % 20).append("\"}")
				.append(",\"tags\":[{\"name\":\"mesure\"},{\"name\":\"serie-").append(i % 50).append("\"}]")
				.append(",\"groups\":[{\"name\":\"mobilite\",\"title\":\"Mobilité\"}]")
				.append(",\"extras\":[{\"key\":\"identifier\",\"value\":\"ckan-generated-").append(i).append("\"}]")
				.append(",\"resources\":[{\"id\":\"r-").append(i).append("\",\"url\":\"").append(base).append("/files/").append(i)
				.append('.').append(format.toLowerCase(Locale.ROOT)).append("\",\"format\":\"").append(format)
				.append("\",\"name\":\"Données\",\"size\":").append(1000 + i).append("}]}");
		}
		json.append("]}}");
		return json.toString();
	}
}
