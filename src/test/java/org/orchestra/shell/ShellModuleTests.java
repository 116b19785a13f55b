package org.orchestra.shell;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The shell's own rules: language negotiation and branding validation. */
class ShellModuleTests {

	@Test
	void theFirstSupportedBrowserLanguageWins() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Accept-Language", "de-CH,en;q=0.7,nl;q=0.5");
		request.setPreferredLocales(java.util.List.of(Locale.of("de", "CH"), Locale.ENGLISH, Locale.of("nl")));
		assertThat(LanguageConfiguration.preferred(request)).isEqualTo(Locale.ENGLISH);
		assertThat(LanguageConfiguration.preferred(new MockHttpServletRequest())).isEqualTo(Locale.of("fr"));
	}

	@Test
	void brandingRefusesValuesThatCouldInjectCss() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new BrandingProperties("a", "b", "c", "red;} body{display:none", "/img/logo.svg"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BrandingProperties("a", "b", "c", "#123456", "javascript:alert(1)"));
		assertThat(new BrandingProperties("a", "b", "c", "#123456", "/img/logo.svg").name("nl")).isEqualTo("b");
	}
}
