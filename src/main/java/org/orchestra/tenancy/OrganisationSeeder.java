package org.orchestra.tenancy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.orchestra.shared.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the region's organisations from the project's reference file ({@code orchestra.tenancy.organisations},
 * by default {@code classpath:tenancy/organisations.csv}). Runs at every start and updates rows in place, so
 * the reference file stays the source of truth.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrganisationSeeder implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(OrganisationSeeder.class);

	private final Organisations organisations;
	private final TenancyProperties properties;
	private final ResourceLoader resources;
	private final TransactionTemplate transactions;
	private final OrganisationDirectory directory;

	OrganisationSeeder(Organisations organisations, TenancyProperties properties, ResourceLoader resources,
			TransactionTemplate transactions, OrganisationDirectory directory) {
		this.directory = directory;
		this.organisations = organisations;
		this.properties = properties;
		this.resources = resources;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		List<Row> rows = read(resources.getResource(properties.organisations()));
		transactions.executeWithoutResult(status -> rows.forEach(this::upsert));
		directory.forgetNames();
		LOG.info("Loaded {} organisations from {}", rows.size(), properties.organisations());
	}

	private void upsert(Row row) {
		OrganisationId id = OrganisationId.of(row.id());
		OrganisationId parent = row.parent() == null ? null : OrganisationId.of(row.parent());
		LocalizedText name = LocalizedText.of(row.fr(), row.nl(), row.en());
		organisations.findById(id.value())
			.ifPresentOrElse(existing -> existing.update(row.type(), parent, row.nis(), name),
					() -> organisations.save(new Organisation(id, row.type(), parent, row.nis(), name)));
	}

	static List<Row> read(Resource resource) throws IOException {
		List<Row> rows = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (number == 1 || line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] cells = line.split(";", -1);
				if (cells.length != 7) {
					throw new IllegalStateException(resource + " line " + number + ": expected 7 cells");
				}
				rows.add(new Row(cells[0].trim(), OrganisationType.valueOf(cells[1].trim()), blank(cells[2]),
						blank(cells[3]), cells[4].trim(), cells[5].trim(), blank(cells[6])));
			}
		}
		return rows;
	}

	private static @Nullable String blank(String cell) {
		String trimmed = cell.trim();
		return trimmed.isEmpty() ? null : trimmed;
	}

	record Row(String id, OrganisationType type, @Nullable String parent, @Nullable String nis, String fr, String nl,
			@Nullable String en) {
	}
}
