package org.orchestra.territory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Command-line import: {@code territory:import KIND FILE [KIND FILE …]}, for example
 * {@code territory:import communes ../shared/data/brussels/communes/brussels_communes_lambert72.geojson}. Prints
 * each report and exits with 0 when every import succeeded, 4 otherwise.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class TerritoryImportCommand implements ApplicationRunner {

	static final String COMMAND = "territory:import";

	private final TerritoryImports imports;
	private final ApplicationContext context;

	TerritoryImportCommand(TerritoryImports imports, ApplicationContext context) {
		this.imports = imports;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		List<String> words = args.getNonOptionArgs();
		int start = words.indexOf(COMMAND);
		if (start < 0) {
			return;
		}
		boolean allSucceeded = true;
		for (int i = start + 1; i + 1 < words.size(); i += 2) {
			ImportKind kind = ImportKind.valueOf(words.get(i).toUpperCase(Locale.ROOT));
			Path file = Path.of(words.get(i + 1));
			ImportJob job = imports.importNow(kind, file.getFileName().toString(), Files.readAllBytes(file));
			System.out.printf("%s %s: %s — read %d, imported %d, rejected %d%n%s", kind, file, job.status(),
					job.readCount(), job.importedCount(), job.rejectedCount(), job.report());
			allSucceeded &= job.status() == ImportJob.Status.SUCCEEDED;
		}
		int status = allSucceeded ? 0 : 4;
		System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> status));
	}
}
