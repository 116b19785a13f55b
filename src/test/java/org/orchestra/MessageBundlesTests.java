package org.orchestra;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every module speaks French, Dutch and English: a key missing in one language fails the build. */
class MessageBundlesTests {

	static final Path I18N = Path.of("src/main/resources/i18n");
	static final Path TEMPLATES = Path.of("src/main/resources/templates");
	static final List<String> LANGUAGES = List.of("", "_fr", "_nl");

	@Test
	void everyModuleHasTheSameKeysInEveryLanguage() throws IOException {
		try (Stream<Path> modules = Files.list(I18N)) {
			for (Path module : modules.toList()) {
				Set<String> reference = keys(module.resolve("messages.properties"));
				assertThat(reference).as("keys of %s", module).isNotEmpty();
				for (String language : LANGUAGES) {
					Path bundle = module.resolve("messages" + language + ".properties");
					assertThat(bundle).as("bundle").exists();
					assertThat(keys(bundle)).as("keys of %s", bundle).isEqualTo(reference);
				}
			}
		}
	}

	@Test
	void everyLiteralKeyUsedByTemplatesExists() throws IOException {
		Set<String> all = new HashSet<>();
		try (Stream<Path> files = Files.walk(I18N)) {
			for (Path file : files.filter(f -> f.getFileName().toString().equals("messages.properties")).toList()) {
				all.addAll(keys(file));
			}
		}
		Pattern literal = Pattern.compile("#\\{([a-z][a-z0-9.-]+)[}(]");
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path template : files.filter(Files::isRegularFile).toList()) {
				Matcher matcher = literal.matcher(Files.readString(template));
				while (matcher.find()) {
					if (!all.contains(matcher.group(1))) {
						missing.add(template.getFileName() + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyBundleIsConfigured() throws IOException {
		Properties application = new Properties();
		try (InputStreamReader in = new InputStreamReader(
				Files.newInputStream(Path.of("src/main/resources/application.properties")), StandardCharsets.UTF_8)) {
			application.load(in);
		}
		Set<String> configured = Set.of(application.getProperty("spring.messages.basename").split(","));
		try (Stream<Path> modules = Files.list(I18N)) {
			assertThat(modules.map(m -> "i18n/" + m.getFileName() + "/messages").toList())
				.allSatisfy(bundle -> assertThat(configured).contains(bundle));
		}
	}

	static Set<String> keys(Path bundle) throws IOException {
		Properties properties = new Properties();
		try (InputStreamReader in = new InputStreamReader(Files.newInputStream(bundle), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return new TreeSet<>(properties.stringPropertyNames());
	}
}
