package org.orchestra.opendata;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Usage without tracking cookies: views of a dataset's page, downloads through the counting redirect and unique
 * visitors per month are counted (crawlers are not), the visitor hash changes with the month and the dataset, no
 * page of the portal sets a cookie, concurrent counts are not lost, and the figures reach the publisher's desk and
 * the public publisher page.
 */
class UsageTests extends PlatformTests {

	static final OrganisationId SCHAERBEEK = OrganisationId.of("commune-21015");

	static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
	static final String SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1";

	@Autowired
	DatasetStore store;

	@Autowired
	DatasetUsage usage;

	@Autowired
	TransactionTemplate transactions;

	Dataset create(String unique) {
		String url = "https://example.org/files/" + unique + ".csv";
		DatasetRecord record = new DatasetRecord(unique, DatasetRecord.Kind.DATASET, null, null,
				Map.of("fr", "Compté " + unique, "nl", "Geteld " + unique), Map.of("fr", "Description"), List.of(),
				List.of("GOVE"), List.of("fr"), null, null, null, null, null, null, null, null, null, null, null, null,
				null, List.of(new DatasetRecord.DistributionRecord(null, Map.of(), Map.of(), url, url, "CSV", null,
						null, null, null)),
				null, null);
		return TenantContext.callAs(SCHAERBEEK,
				() -> transactions.execute(s -> store.createLocal(SCHAERBEEK, record, false)));
	}

	static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, String address, String agent) {
		return request.header("User-Agent", agent).with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
	}

	MockHttpServletResponse show(String slug, String address, String agent) throws Exception {
		return mvc.perform(from(get("/opendata/datasets/" + slug), address, agent)).andReturn().getResponse();
	}

	long views(UUID id) {
		Long sum = jdbc.queryForObject("select coalesce(sum(views), 0) from opendata_usage where dataset_id = ?",
				Long.class, id);
		return sum == null ? 0 : sum;
	}

	long downloads(UUID id) {
		Long sum = jdbc.queryForObject("select coalesce(sum(downloads), 0) from opendata_usage where dataset_id = ?",
				Long.class, id);
		return sum == null ? 0 : sum;
	}

	long visitors(UUID id) {
		Long count = jdbc.queryForObject("select count(*) from opendata_visitor where dataset_id = ?", Long.class, id);
		return count == null ? 0 : count;
	}

	@Test
	void viewsDownloadsAndMonthlyVisitorsAreCountedWithoutCookies() throws Exception {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		Dataset dataset = create(unique);

		MockHttpServletResponse first = show(dataset.slug(), "198.51.100.7", FIREFOX);
		assertThat(first.getStatus()).isEqualTo(200);
		assertThat(first.getHeaders("Set-Cookie")).isEmpty();
		show(dataset.slug(), "198.51.100.7", FIREFOX);
		show(dataset.slug(), "198.51.100.7", SAFARI);
		show(dataset.slug(), "203.0.113.9", FIREFOX);
		assertThat(views(dataset.id())).isEqualTo(4);
		assertThat(visitors(dataset.id())).as("three address and browser pairs").isEqualTo(3);

		show(dataset.slug(), "198.51.100.8", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
		show(dataset.slug(), "198.51.100.8", "curl/8.5.0");
		mvc.perform(get("/opendata/datasets/" + dataset.slug()).with(r -> {
			r.setRemoteAddr("198.51.100.8");
			return r;
		}));
		assertThat(views(dataset.id())).as("crawlers and clients without a user agent are not counted").isEqualTo(4);
		assertThat(visitors(dataset.id())).isEqualTo(3);

		String download = "/opendata/datasets/" + dataset.slug() + "/distributions/"
				+ dataset.distributions().getFirst().id() + "/download";
		MockHttpServletResponse redirect = mvc.perform(from(get(download), "198.51.100.7", FIREFOX)).andReturn()
			.getResponse();
		assertThat(redirect.getStatus()).isEqualTo(302);
		assertThat(redirect.getHeader("Location")).isEqualTo("https://example.org/files/" + unique + ".csv");
		assertThat(redirect.getHeaders("Set-Cookie")).isEmpty();
		mvc.perform(from(get(download), "192.0.2.1", SAFARI));
		mvc.perform(from(get(download), "192.0.2.1", "Googlebot/2.1"));
		assertThat(downloads(dataset.id())).isEqualTo(2);
		assertThat(visitors(dataset.id())).as("the downloader from a new address is a new visitor").isEqualTo(4);

		List<String> stored = jdbc.queryForList("select visitor from opendata_visitor where dataset_id = ?",
				String.class, dataset.id());
		assertThat(stored).allSatisfy(v -> assertThat(v).hasSize(64).doesNotContain("198.51").doesNotContain("Mozilla"));
		assertThat(jdbc.queryForList("select distinct usage_month from opendata_visitor where dataset_id = ?",
				String.class, dataset.id())).containsExactly(YearMonth.now(ZoneId.of("Europe/Brussels")).toString());

		DatasetUsage.Summary summary = usage.ofDataset(dataset.id());
		assertThat(summary.views()).isEqualTo(4);
		assertThat(summary.downloads()).isEqualTo(2);
		assertThat(summary.visitors()).isEqualTo(4);
		assertThat(summary.months()).hasSize(DatasetUsage.MONTHS);
		assertThat(summary.months().getLast().views()).isEqualTo(4);
	}

	@Test
	void noPortalPageSetsACookie() throws Exception {
		String slug = jdbc.queryForObject("select slug from opendata_dataset where identity_key = ?", String.class,
				"demo-bicycle-counts");
		for (String path : List.of("/opendata", "/opendata?q=velo&theme=TRAN&sort=title", "/opendata/datasets/" + slug,
				"/opendata/publishers", "/opendata/publishers/agency-mobility", "/opendata/datasets/unknown",
				"/opendata/demo/bike-counts.csv")) {
			MockHttpServletResponse response = mvc.perform(from(get(path), "198.51.100.20", FIREFOX)
				.header("Accept-Language", "nl")).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isIn(200, 404);
			assertThat(response.getHeaders("Set-Cookie")).as(path).isEmpty();
			assertThat(response.getCookies()).as(path).isEmpty();
		}
	}

	@Test
	void theVisitorKeyChangesWithTheMonthAndTheDatasetAndIsKeptInMemoryOnly() {
		UUID one = UUID.randomUUID();
		UUID two = UUID.randomUUID();
		YearMonth may = YearMonth.of(2025, 5);
		DatasetUsage fresh = new DatasetUsage(jdbc, Clock.fixed(Instant.parse("2025-05-10T10:00:00Z"), ZoneId.of("UTC")));
		String a = fresh.hash(may, one, "198.51.100.7", FIREFOX);
		assertThat(fresh.hash(may, one, "198.51.100.7", FIREFOX)).isEqualTo(a);
		assertThat(fresh.hash(may, two, "198.51.100.7", FIREFOX)).isNotEqualTo(a);
		assertThat(fresh.hash(may, one, "198.51.100.8", FIREFOX)).isNotEqualTo(a);
		assertThat(fresh.hash(may.plusMonths(1), one, "198.51.100.7", FIREFOX)).isNotEqualTo(a);
		assertThat(new DatasetUsage(jdbc).hash(may, one, "198.51.100.7", FIREFOX))
			.as("another instance (a restart) draws another key").isNotEqualTo(a);
		assertThat(DatasetUsage.isCrawler("Mozilla/5.0 (compatible; bingbot/2.0)")).isTrue();
		assertThat(DatasetUsage.isCrawler(null)).isTrue();
		assertThat(DatasetUsage.isCrawler(FIREFOX)).isFalse();
	}

	@Test
	void concurrentCountsAreNotLost() throws Exception {
		Dataset dataset = create(UUID.randomUUID().toString().substring(0, 8));
		LocalDate day = LocalDate.of(2025, 1, 15);
		ExecutorService threads = Executors.newFixedThreadPool(6);
		try {
			List<Future<?>> all = new ArrayList<>();
			for (int t = 0; t < 6; t++) {
				all.add(threads.submit(() -> {
					for (int i = 0; i < 25; i++) {
						usage.add(dataset.id(), day, 1, i % 5 == 0 ? 1 : 0);
					}
				}));
			}
			for (Future<?> f : all) {
				f.get();
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(jdbc.queryForObject("select views from opendata_usage where dataset_id = ? and usage_day = ?",
				Long.class, dataset.id(), day)).isEqualTo(150);
		assertThat(downloads(dataset.id())).isEqualTo(30);
	}

	@Test
	void theFiguresReachTheDeskAndThePublicPublisherPage() throws Exception {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		Dataset dataset = create(unique);
		long before = usage.ofPublisher("commune-21015").views();
		show(dataset.slug(), "198.51.100.30", FIREFOX);
		show(dataset.slug(), "198.51.100.31", FIREFOX);
		show(dataset.slug(), "198.51.100.31", FIREFOX);
		assertThat(usage.ofPublisher("commune-21015").views()).isEqualTo(before + 3);

		String desk = mvc.perform(get("/opendata/manage").session(login("agent.schaerbeek"))
			.header("Accept-Language", "fr")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(desk).contains("Utilisation sur les 12 derniers mois").contains("Visiteurs mensuels");
		int row = desk.indexOf("data-slug=\"" + dataset.slug() + "\"");
		assertThat(row).isPositive();
		assertThat(desk.substring(row, desk.indexOf("</tr>", row))).contains("<td>3</td>").contains("<td>2</td>");

		String detail = mvc.perform(get("/opendata/manage/datasets/" + dataset.slug()).session(login("agent.schaerbeek"))
			.header("Accept-Language", "nl")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(detail).contains("Gebruik in de laatste 12 maanden").contains("<strong>3</strong>");

		String csv = mvc.perform(get("/opendata/manage/statistics.csv").session(login("agent.schaerbeek")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String month = YearMonth.now(ZoneId.of("Europe/Brussels")).toString();
		assertThat(csv).startsWith("dataset,title,status,month,views,downloads,visitors")
			.contains(dataset.slug() + ",\"Compté " + unique + "\",PUBLISHED," + month + ",3,0,2")
			.doesNotContain("comptages-de-velos");
		assertThat(mvc.perform(get("/opendata/manage/statistics.csv").session(login("citizen.demo"))).andReturn()
			.getResponse().getStatus()).isEqualTo(403);

		String publicPage = mvc.perform(get("/opendata/publishers/commune-21015").header("Accept-Language", "fr"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(publicPage).contains("Consultations").contains("<strong>" + (before + 3) + "</strong>");
	}
}
