package org.orchestra.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the Chromium of the machine ({@code orchestra.browser.chromium}, by default {@code /usr/bin/chromium})
 * against the platform on a random port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTestSupport {

	static final String DEMO_PASSWORD = "Demo-Orchestra-2026";

	static Playwright playwright;
	static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launch() {
		playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions()
				.setExecutablePath(Path.of(System.getProperty("orchestra.browser.chromium", "/usr/bin/chromium")))
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--no-first-run", "--disable-quic")));
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	BrowserContext context(String locale) {
		return browser.newContext(new Browser.NewContextOptions().setLocale(locale)
			.setExtraHTTPHeaders(Map.of("Accept-Language", locale))
			.setBypassCSP(true)
			.setViewportSize(390, 844));
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void signIn(Page page, String username) {
		page.navigate(url("/login"));
		page.locator("#username").fill(username);
		page.locator("#password").fill(DEMO_PASSWORD);
		page.locator("form.form button[type=submit]").click();
		page.waitForURL(url("/"));
	}

	/** Runs axe-core (WCAG 2.1 A and AA rules) and fails on serious or critical violations. */
	void assertAccessible(Page page) {
		page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeSource()));
		Object violations = page.evaluate("""
				async () => {
				  const result = await axe.run(document, { runOnly: { type: 'tag',
				    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
				  return result.violations
				    .filter(v => v.impact === 'serious' || v.impact === 'critical')
				    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(' | '));
				}""");
		assertThat((List<?>) violations).as("axe violations on %s", page.url()).isEmpty();
	}

	private static String axeSource() {
		try (InputStream in = BrowserTestSupport.class
			.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
			assertThat(in).as("axe-core on the test class path").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
