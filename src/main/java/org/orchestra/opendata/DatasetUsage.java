package org.orchestra.opendata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Usage of the catalogue without tracking cookies: views of a dataset's page and downloads through the portal are
 * counted per dataset and day; unique visitors per dataset and month are kept as keyed hashes of the client's
 * address and user agent, whose key is drawn at random for each month, held in memory only and never stored — so
 * a visitor cannot be recognised from one month to the next, nor from one dataset to another. Requests of obvious
 * crawlers are not counted. Each count is one or two short statements outside any transaction.
 */
@Service
public class DatasetUsage {

	/** Months that the statistics cover. */
	public static final int MONTHS = 12;

	private static final Pattern CRAWLER = Pattern.compile(
			"(?i).*(bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|pingdom|"
					+ "uptime|scanner|python-requests|python-urllib|go-http-client|java-http-client|okhttp|libwww|curl|wget|"
					+ "httpclient|headlesschrome|phantomjs|lighthouse).*");

	private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	private final JdbcTemplate jdbc;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();
	private volatile @Nullable Salt salt;

	@Autowired
	DatasetUsage(JdbcTemplate jdbc) {
		this(jdbc, Clock.system(BRUSSELS));
	}

	DatasetUsage(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private record Salt(YearMonth month, byte[] key) {
	}

	/** Whether a user agent is a crawler, a monitor or a script rather than a person's browser. */
	public static boolean isCrawler(@Nullable String userAgent) {
		return userAgent == null || userAgent.isBlank() || CRAWLER.matcher(userAgent).matches();
	}

	/** Counts a view of a dataset's page and its visitor; returns whether it was counted. */
	public boolean recordView(UUID datasetId, @Nullable String clientAddress, @Nullable String userAgent) {
		if (isCrawler(userAgent)) {
			return false;
		}
		LocalDate today = LocalDate.now(clock);
		add(datasetId, today, 1, 0);
		visitor(datasetId, YearMonth.from(today), clientAddress, userAgent);
		return true;
	}

	/** Counts a download through the portal; returns whether it was counted. */
	public boolean recordDownload(UUID datasetId, @Nullable String clientAddress, @Nullable String userAgent) {
		if (isCrawler(userAgent)) {
			return false;
		}
		LocalDate today = LocalDate.now(clock);
		add(datasetId, today, 0, 1);
		visitor(datasetId, YearMonth.from(today), clientAddress, userAgent);
		return true;
	}

	/** Adds to a day's counts: an update, else an insert, else (someone inserted meanwhile) the update again. */
	void add(UUID datasetId, LocalDate day, long views, long downloads) {
		String update = "UPDATE opendata_usage SET views = views + ?, downloads = downloads + ? "
				+ "WHERE dataset_id = ? AND usage_day = ?";
		if (jdbc.update(update, views, downloads, datasetId, day) > 0) {
			return;
		}
		try {
			jdbc.update("INSERT INTO opendata_usage (dataset_id, usage_day, views, downloads) VALUES (?, ?, ?, ?)",
					datasetId, day, views, downloads);
		}
		catch (DataIntegrityViolationException concurrent) {
			jdbc.update(update, views, downloads, datasetId, day);
		}
	}

	private void visitor(UUID datasetId, YearMonth month, @Nullable String clientAddress,
			@Nullable String userAgent) {
		String hash = hash(month, datasetId, clientAddress, userAgent);
		try {
			jdbc.update("INSERT INTO opendata_visitor (usage_month, dataset_id, visitor) SELECT ?, ?, ? WHERE NOT EXISTS "
					+ "(SELECT 1 FROM opendata_visitor WHERE usage_month = ? AND dataset_id = ? AND visitor = ?)",
					month.toString(), datasetId, hash, month.toString(), datasetId, hash);
		}
		catch (DataIntegrityViolationException concurrent) {
			// the same visitor was counted by a concurrent request
		}
	}

	/** The keyed hash of a visitor of a dataset in a month, with the month's in-memory key. */
	String hash(YearMonth month, UUID datasetId, @Nullable String clientAddress, @Nullable String userAgent) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(saltFor(month), "HmacSHA256"));
			String input = datasetId + "\n" + (clientAddress == null ? "" : clientAddress) + "\n"
					+ (userAgent == null ? "" : userAgent);
			return HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private byte[] saltFor(YearMonth month) {
		Salt current = salt;
		if (current == null || !current.month().equals(month)) {
			synchronized (this) {
				current = salt;
				if (current == null || !current.month().equals(month)) {
					byte[] key = new byte[32];
					random.nextBytes(key);
					current = new Salt(month, key);
					salt = current;
				}
			}
		}
		return current.key();
	}

	/** Usage of one month. */
	public record Month(YearMonth month, long views, long downloads, long visitors) {
	}

	/** Usage over the last months: totals and month by month, oldest first. */
	public record Summary(long views, long downloads, long visitors, List<Month> months) {

		public long maxViews() {
			return Math.max(1, months.stream().mapToLong(Month::views).max().orElse(1));
		}
	}

	/** The first month that the statistics cover. */
	YearMonth firstMonth() {
		return YearMonth.now(clock).minusMonths(MONTHS - 1);
	}

	/** Usage of some datasets over the last twelve months, by dataset (datasets without usage get zeros). */
	public Map<UUID, Summary> byDataset(Collection<UUID> datasetIds) {
		Map<UUID, Map<YearMonth, long[]>> counts = new HashMap<>();
		if (!datasetIds.isEmpty()) {
			List<UUID> ids = List.copyOf(datasetIds);
			for (int from = 0; from < ids.size(); from += 500) {
				List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
				collect(" IN (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
						chunk.toArray(), counts);
			}
		}
		Map<UUID, Summary> result = new LinkedHashMap<>();
		for (UUID id : datasetIds) {
			result.put(id, summary(counts.getOrDefault(id, Map.of())));
		}
		return result;
	}

	/** Usage of one dataset over the last twelve months. */
	public Summary ofDataset(UUID datasetId) {
		return byDataset(List.of(datasetId)).get(datasetId);
	}

	/** Usage of all the datasets of a publisher over the last twelve months, month by month. */
	public Summary ofPublisher(String publisherId) {
		return total(" IN (SELECT id FROM opendata_dataset WHERE publisher_id = ?)", publisherId);
	}

	/** Usage of all the datasets an organisation holds over the last twelve months, month by month. */
	public Summary ofOrganisation(String organisationId) {
		return total(" IN (SELECT id FROM opendata_dataset WHERE organisation_id = ?)", organisationId);
	}

	private Summary total(String datasets, Object arg) {
		Map<UUID, Map<YearMonth, long[]>> counts = new HashMap<>();
		collect(datasets, new Object[] { arg }, counts);
		Map<YearMonth, long[]> total = new HashMap<>();
		counts.values().forEach(byMonth -> byMonth.forEach((month, c) -> {
			long[] sum = total.computeIfAbsent(month, m -> new long[3]);
			for (int i = 0; i < 3; i++) {
				sum[i] += c[i];
			}
		}));
		return summary(total);
	}

	private void collect(String datasets, Object[] args, Map<UUID, Map<YearMonth, long[]>> counts) {
		YearMonth first = firstMonth();
		List<Object> usageArgs = new ArrayList<>(List.of(args));
		usageArgs.add(first.atDay(1));
		jdbc.query("SELECT dataset_id, usage_day, views, downloads FROM opendata_usage WHERE dataset_id" + datasets
				+ " AND usage_day >= ?", rs -> {
					YearMonth month = YearMonth.from(rs.getObject(2, LocalDate.class));
					long[] c = counts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
						.computeIfAbsent(month, m -> new long[3]);
					c[0] += rs.getLong(3);
					c[1] += rs.getLong(4);
				}, usageArgs.toArray());
		List<Object> visitorArgs = new ArrayList<>(List.of(args));
		visitorArgs.add(first.toString());
		jdbc.query("SELECT dataset_id, usage_month, COUNT(*) FROM opendata_visitor WHERE dataset_id" + datasets
				+ " AND usage_month >= ? GROUP BY dataset_id, usage_month", rs -> {
					long[] c = counts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
						.computeIfAbsent(YearMonth.parse(rs.getString(2)), m -> new long[3]);
					c[2] += rs.getLong(3);
				}, visitorArgs.toArray());
	}

	private Summary summary(Map<YearMonth, long[]> byMonth) {
		List<Month> months = new ArrayList<>(MONTHS);
		long views = 0;
		long downloads = 0;
		long visitors = 0;
		for (YearMonth month = firstMonth(); !month.isAfter(YearMonth.now(clock)); month = month.plusMonths(1)) {
			long[] c = byMonth.getOrDefault(month, new long[3]);
			months.add(new Month(month, c[0], c[1], c[2]));
			views += c[0];
			downloads += c[1];
			visitors += c[2];
		}
		return new Summary(views, downloads, visitors, months);
	}
}
