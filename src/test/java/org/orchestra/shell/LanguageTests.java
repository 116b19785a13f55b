package org.orchestra.shell;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class LanguageTests extends PlatformTests {

	@Test
	void theBrowsersLanguageIsTheDefault() throws Exception {
		mvc.perform(get("/").header("Accept-Language", "de-DE,nl;q=0.8,fr;q=0.5"))
			.andExpect(content().string(containsString("<html lang=\"nl\"")));
		mvc.perform(get("/").header("Accept-Language", "de-DE,es;q=0.8"))
			.andExpect(content().string(containsString("<html lang=\"fr\"")));
	}

	@Test
	void theLanguageSwitchSticksThroughACookie() throws Exception {
		mvc.perform(get("/").param("lang", "en").header("Accept-Language", "fr"))
			.andExpect(content().string(containsString("<html lang=\"en\"")))
			.andExpect(cookie().value("orchestra-lang", "en"));
		mvc.perform(get("/organisations").cookie(new Cookie("orchestra-lang", "en")).header("Accept-Language", "fr"))
			.andExpect(content().string(containsString("Organisations of the region")));
	}

	@Test
	void unsupportedLanguagesAreIgnored() throws Exception {
		mvc.perform(get("/").param("lang", "de").header("Accept-Language", "nl"))
			.andExpect(content().string(containsString("<html lang=\"nl\"")))
			.andExpect(cookie().doesNotExist("orchestra-lang"));
	}

	@Test
	void everyPageOffersTheThreeLanguagesAndASkipLink() throws Exception {
		mvc.perform(get("/verify?code=x"))
			.andExpect(content().string(containsString("href=\"/verify?code=x&amp;lang=nl\"")))
			.andExpect(content().string(containsString("hreflang=\"en\"")))
			.andExpect(content().string(containsString("class=\"skip-link\" href=\"#main\"")));
	}

}
