package org.orchestra.catalogue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * The catalogue module's facade: every contributed service, arranged by pillar and business entry, with what the
 * current user may do with each, and a search by name and keyword in the three languages.
 */
@Service
public class ServiceCatalogue {

	static final List<Locale> LANGUAGES = List.of(Locale.of("fr"), Locale.of("nl"), Locale.ENGLISH);

	private final List<CatalogueService> services;
	private final MessageSource messages;

	ServiceCatalogue(List<CatalogueContribution> contributions, MessageSource messages) {
		this.services = contributions.stream().flatMap(c -> c.services().stream()).toList();
		this.messages = messages;
	}

	public List<CatalogueService> services() {
		return services;
	}

	/** The catalogue as the home page shows it. */
	public List<PillarView> view(@Nullable Authentication user, Locale locale) {
		List<PillarView> pillars = new ArrayList<>();
		for (Pillar pillar : Pillar.values()) {
			List<EntryView> entries = new ArrayList<>();
			for (BusinessEntry entry : BusinessEntry.values()) {
				if (entry.pillar() != pillar) {
					continue;
				}
				List<ServiceView> offered = services.stream()
					.filter(s -> s.entry() == entry)
					.map(s -> describe(s, user, locale))
					.sorted(Comparator.comparing(ServiceView::name))
					.toList();
				entries.add(new EntryView(entry, offered));
			}
			pillars.add(new PillarView(pillar, entries));
		}
		return pillars;
	}

	/**
	 * Services whose name, keywords or description contain every word of the query, in any language, ignoring
	 * case and accents; name matches rank first.
	 */
	public List<ServiceView> search(String query, @Nullable Authentication user, Locale locale) {
		List<String> words = Arrays.stream(normalise(query).split("\\s+")).filter(w -> !w.isBlank()).toList();
		if (words.isEmpty()) {
			return List.of();
		}
		record Hit(ServiceView view, int score) {
		}
		List<Hit> hits = new ArrayList<>();
		for (CatalogueService service : services) {
			StringBuilder names = new StringBuilder();
			StringBuilder rest = new StringBuilder();
			for (Locale language : LANGUAGES) {
				names.append(' ').append(normalise(text(service.key() + ".name", language)));
				rest.append(' ').append(normalise(text(service.key() + ".keywords", language)));
				rest.append(' ').append(normalise(text(service.key() + ".description", language)));
			}
			int score = 0;
			boolean all = true;
			for (String word : words) {
				if (names.indexOf(word) >= 0) {
					score += 10;
				}
				else if (rest.indexOf(word) >= 0) {
					score += 3;
				}
				else {
					all = false;
				}
			}
			if (all) {
				hits.add(new Hit(describe(service, user, locale), score));
			}
		}
		return hits.stream()
			.sorted(Comparator.comparingInt(Hit::score).reversed().thenComparing(h -> h.view().name()))
			.map(Hit::view)
			.toList();
	}

	ServiceView describe(CatalogueService service, @Nullable Authentication user, Locale locale) {
		return new ServiceView(service, text(service.key() + ".name", locale),
				text(service.key() + ".description", locale), access(service, user));
	}

	static Access access(CatalogueService service, @Nullable Authentication user) {
		boolean signedIn = user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
		if (!service.signInRequired() && service.privilege() == null) {
			return Access.AVAILABLE;
		}
		if (!signedIn) {
			return Access.SIGN_IN;
		}
		if (service.privilege() == null) {
			return Access.AVAILABLE;
		}
		boolean granted = user.getAuthorities().stream().anyMatch(a -> service.privilege().equals(a.getAuthority()));
		return granted ? Access.AVAILABLE : Access.RESTRICTED;
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^\\p{Alnum}\\s]", " ");
	}

	/** What the current user may do with a service. */
	public enum Access {
		AVAILABLE, SIGN_IN, RESTRICTED
	}

	public record ServiceView(CatalogueService service, String name, String description, Access access) {
	}

	public record EntryView(BusinessEntry entry, List<ServiceView> services) {
	}

	public record PillarView(Pillar pillar, List<EntryView> entries) {
	}
}
