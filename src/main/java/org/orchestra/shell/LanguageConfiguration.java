package org.orchestra.shell;

import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language of every page: French, Dutch or English. The first visit follows the browser's
 * {@code Accept-Language}; {@code ?lang=nl} (the language switch) changes it and a cookie keeps the choice.
 */
@Configuration
class LanguageConfiguration implements WebMvcConfigurer {

	static final List<String> LANGUAGES = List.of("fr", "nl", "en");
	static final String COOKIE = "orchestra-lang";
	static final String PARAMETER = "lang";

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Lax");
		resolver.setCookieHttpOnly(true);
		resolver.setDefaultLocaleFunction(LanguageConfiguration::preferred);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				String language = request.getParameter(PARAMETER);
				if (language != null && LANGUAGES.contains(language)) {
					localeResolver().setLocale(request, response, Locale.of(language));
				}
				return true;
			}
		});
	}

	/** The first supported language in the browser's preferences; French otherwise. */
	static Locale preferred(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") != null) {
			Enumeration<Locale> locales = request.getLocales();
			while (locales.hasMoreElements()) {
				String language = locales.nextElement().getLanguage();
				if (LANGUAGES.contains(language)) {
					return Locale.of(language);
				}
			}
		}
		return Locale.of("fr");
	}
}
