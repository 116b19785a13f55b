package org.orchestra.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A visitor walks the catalogue in French and Dutch and switches language. */
class HomeBrowserTests extends BrowserTestSupport {

	@Test
	void theCatalogueInFrenchThenDutchAndTheChoiceSticks() {
		try (BrowserContext context = context("fr-BE")) {
			Page page = context.newPage();
			page.navigate(url("/"));
			assertThat(page.locator("html")).hasAttribute("lang", "fr");
			assertThat(page.locator("h1")).hasText("Les services numériques de la Région");
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("E-citoyen"))).isVisible();
			assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Vérifier un document")).first())
				.isVisible();

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("NL").setExact(true)).click();
			assertThat(page.locator("html")).hasAttribute("lang", "nl");
			assertThat(page.locator("h1")).hasText("De digitale diensten van het Gewest");

			page.navigate(url("/organisations"));
			assertThat(page.locator("h1")).hasText("Organisaties van het Gewest");
			page.navigate(url("/"));
			assertThat(page.locator("h1")).hasText("De digitale diensten van het Gewest");
		}
	}

	@Test
	void searchingTheCatalogueFindsAService() {
		try (BrowserContext context = context("fr-BE")) {
			Page page = context.newPage();
			page.navigate(url("/"));
			page.getByLabel("Trouver un service").fill("journal");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
			assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Journal d'audit")))
				.isVisible();
		}
	}

	@org.springframework.beans.factory.annotation.Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

	@org.springframework.beans.factory.annotation.Autowired
	java.util.List<org.orchestra.shared.PublicPaths> publicPaths;

	/** Sample values for the path variables of public pages, by pattern. */
	static final java.util.Map<String, String> SAMPLES = java.util.Map.of(
			"/counter/documents/{code}", "/counter/documents/household-composition",
			"/counter/themes/{theme}", "/counter/themes/civil_status",
			"/appointments/{organisation}", "/appointments/commune-21009",
			"/forms/{key:[a-z0-9][a-z0-9-]{1,62}}", "/forms/face-mask-order",
			"/opendata/datasets/{slug}", "/opendata/datasets/comptages-de-velos",
			"/opendata/publishers/{id}", "/opendata/publishers/agency-mobility");

	/**
	 * Every public page of the application — found from its own mappings: the GET endpoints that render a page and
	 * lie under a module's public paths — in French and in Dutch, plus the verification page with a code.
	 */
	@Test
	void everyPublicPagePassesTheAccessibilityScanInFrenchAndDutch() {
		org.springframework.util.AntPathMatcher matcher = new org.springframework.util.AntPathMatcher();
		java.util.List<String> open = publicPaths.stream().flatMap(p -> p.patterns().stream()).toList();
		java.util.Set<String> pages = new java.util.TreeSet<>(java.util.List.of("/", "/login", "/verify?code=AAAA-BBBB-CCCC-DDDD"));
		mappings.getHandlerMethods().forEach((info, handler) -> {
			boolean page = handler.getMethod().getReturnType() == String.class
					&& !handler.hasMethodAnnotation(org.springframework.web.bind.annotation.ResponseBody.class)
					&& !org.springframework.core.annotation.AnnotatedElementUtils.hasAnnotation(handler.getBeanType(),
							org.springframework.web.bind.annotation.ResponseBody.class);
			boolean get = info.getMethodsCondition().getMethods().isEmpty()
					|| info.getMethodsCondition().getMethods().contains(org.springframework.web.bind.annotation.RequestMethod.GET);
			if (!page || !get || !handler.getBeanType().getPackageName().startsWith("org.orchestra")) {
				return;
			}
			for (String pattern : info.getPatternValues()) {
				if (open.stream().anyMatch(p -> matcher.match(p, pattern))) {
					if (!pattern.contains("{") && !pattern.contains("*")) {
						pages.add(pattern);
					}
					else if (SAMPLES.containsKey(pattern)) {
						pages.add(SAMPLES.get(pattern));
					}
				}
			}
		});
		org.assertj.core.api.Assertions.assertThat(pages).contains("/counter", "/incidents", "/forms", "/appointments", "/assistant");
		for (String locale : java.util.List.of("fr-BE", "nl-BE")) {
			try (BrowserContext context = context(locale)) {
				Page page = context.newPage();
				for (String path : pages) {
					page.navigate(url(path));
					assertAccessible(page);
				}
			}
		}
	}
}
