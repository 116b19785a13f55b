package org.orchestra.forms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.orchestra.forms.FormDefinition.Step;
import org.orchestra.identity.CurrentUser;
import org.orchestra.shared.LocalizedText;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forms module's facade for definitions: the published catalogue, the designer's drafts and their
 * publication, JSON import and export, and each organisation's offering.
 */
@Service
@Transactional
public class FormDesign {

	static final String REGION = "region";

	private final Forms forms;
	private final FormVersions versions;
	private final Offerings offerings;
	private final Submissions submissions;
	private final FormsJson json;
	private final CurrentUser currentUser;
	private final OrganisationDirectory organisations;
	private final ApplicationEventPublisher events;

	FormDesign(Forms forms, FormVersions versions, Offerings offerings, Submissions submissions, FormsJson json,
			CurrentUser currentUser, OrganisationDirectory organisations, ApplicationEventPublisher events) {
		this.forms = forms;
		this.versions = versions;
		this.offerings = offerings;
		this.submissions = submissions;
		this.json = json;
		this.currentUser = currentUser;
		this.organisations = organisations;
		this.events = events;
	}

	/** A form with its published version (the one citizens fill). */
	public record Published(Form form, FormVersion version, FormDefinition definition) {
	}

	/** A form as the designer sees it. */
	public record Overview(Form form, @Nullable FormVersion published, @Nullable FormVersion draft,
			FormDefinition current, long submissions, List<FormVersion> history) {
	}

	// --- reading -------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<Published> published() {
		List<Published> result = new ArrayList<>();
		for (FormVersion version : versions.findByStatus(VersionStatus.PUBLISHED)) {
			forms.findById(version.formId()).ifPresent(f -> result.add(new Published(f, version, definition(version))));
		}
		result.sort(Comparator.comparing(p -> p.definition().title().fr()));
		return result;
	}

	@Transactional(readOnly = true)
	public Optional<Published> published(String key) {
		return forms.findByKey(key)
			.flatMap(form -> versions.findFirstByFormIdAndStatus(form.id(), VersionStatus.PUBLISHED)
				.map(v -> new Published(form, v, definition(v))));
	}

	@Transactional(readOnly = true)
	public Optional<FormVersion> version(UUID id) {
		return versions.findById(id);
	}

	@Transactional(readOnly = true)
	public Optional<Form> form(UUID id) {
		return forms.findById(id);
	}

	/** The definition of a version, parsed once per loaded version. */
	public FormDefinition definition(FormVersion version) {
		FormDefinition cached = version.cached();
		if (cached == null) {
			cached = json.readDefinition(version.definitionJson());
			version.cache(cached);
		}
		return cached;
	}

	@Transactional(readOnly = true)
	public List<Overview> overview() {
		return forms.findAllByOrderByKeyAsc().stream().map(this::overviewOf).toList();
	}

	@Transactional(readOnly = true)
	public Overview overview(UUID formId) {
		return overviewOf(forms.findById(formId).orElseThrow(() -> new FormsException("forms.error.not-found", 404)));
	}

	private Overview overviewOf(Form form) {
		List<FormVersion> history = versions.findByFormIdOrderByNumberDesc(form.id());
		FormVersion published = history.stream().filter(v -> v.status() == VersionStatus.PUBLISHED).findFirst().orElse(null);
		FormVersion draft = history.stream().filter(v -> v.status() == VersionStatus.DRAFT).findFirst().orElse(null);
		FormVersion current = draft != null ? draft : published != null ? published : history.getFirst();
		return new Overview(form, published, draft, definition(current), submissions.countByFormId(form.id()), history);
	}

	// --- designing -----------------------------------------------------------------------------------

	/** Creates a regional form with a first draft of one empty step. */
	public Form create(String key, LocalizedText title) {
		FormDefinition definition = new FormDefinition(key, title, null,
				List.of(new Step("step1", title, null, List.of())), null, null);
		DefinitionValidator.require(definition);
		if (forms.findByKey(key).isPresent()) {
			throw new InvalidDefinitionException(List.of(DefinitionProblem.of("forms.definition.key-taken", "key", key)));
		}
		Form form = forms.save(new Form(key, REGION, false));
		FormVersion draft = versions.save(new FormVersion(form.id(), 1, json.write(definition), actor()));
		changed(form, draft, "saved", "");
		return form;
	}

	/**
	 * Replaces the form's draft definition; a form without a draft gets a new draft version, so published
	 * versions never change.
	 */
	public FormVersion saveDraft(UUID formId, FormDefinition definition) {
		Form form = forms.findById(formId).orElseThrow(() -> new FormsException("forms.error.not-found", 404));
		if (!form.key().equals(definition.key())) {
			throw new InvalidDefinitionException(
					List.of(DefinitionProblem.of("forms.definition.key-changed", "key", form.key())));
		}
		DefinitionValidator.require(definition);
		FormVersion draft = versions.findFirstByFormIdAndStatus(formId, VersionStatus.DRAFT).orElse(null);
		String text = json.write(definition);
		if (draft == null) {
			draft = versions.save(new FormVersion(formId, versions.lastNumber(formId) + 1, text, actor()));
		}
		else {
			draft.redefine(text);
		}
		form.touch();
		changed(form, draft, "saved", "");
		return draft;
	}

	/** The definition the designer edits: the draft's, or the published one (edits then make a new draft). */
	@Transactional(readOnly = true)
	public FormDefinition editable(UUID formId) {
		return overview(formId).current();
	}

	/** Publishes the draft: it is frozen, and the previously published version is superseded. */
	public FormVersion publish(UUID formId) {
		Form form = forms.findById(formId).orElseThrow(() -> new FormsException("forms.error.not-found", 404));
		FormVersion draft = versions.findFirstByFormIdAndStatus(formId, VersionStatus.DRAFT)
			.orElseThrow(() -> new FormsException("forms.error.no-draft", 409));
		FormDefinition definition = definition(draft);
		List<DefinitionProblem> problems = new ArrayList<>(DefinitionValidator.problems(definition));
		for (Step step : definition.steps()) {
			if (step.fields().isEmpty()) {
				problems.add(DefinitionProblem.of("forms.definition.empty-step", step.key(), step.key()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidDefinitionException(problems);
		}
		versions.findFirstByFormIdAndStatus(formId, VersionStatus.PUBLISHED).ifPresent(FormVersion::supersede);
		versions.flush();
		draft.publish(actor());
		form.touch();
		changed(form, draft, "published", "");
		return draft;
	}

	/** Discards the draft version (published versions stay). */
	public void discardDraft(UUID formId) {
		FormVersion draft = versions.findFirstByFormIdAndStatus(formId, VersionStatus.DRAFT)
			.orElseThrow(() -> new FormsException("forms.error.no-draft", 409));
		if (versions.findByFormIdOrderByNumberDesc(formId).size() == 1) {
			throw new FormsException("forms.error.only-version", 409);
		}
		versions.delete(draft);
	}

	/**
	 * Imports a definition: a new form, or a new draft of the form with the same key. Nothing is stored when the
	 * definition has any problem.
	 */
	public Form importDefinition(String text) {
		return importDefinition(text, false);
	}

	Form importDefinition(String text, boolean demo) {
		FormDefinition definition = json.readDefinition(text);
		DefinitionValidator.require(definition);
		Optional<Form> existing = forms.findByKey(definition.key());
		if (existing.isPresent()) {
			saveDraft(existing.get().id(), definition);
			return existing.get();
		}
		Form form = forms.save(new Form(definition.key(), REGION, demo));
		FormVersion draft = versions.save(new FormVersion(form.id(), 1, json.write(definition), actor()));
		changed(form, draft, "saved", "import");
		return form;
	}

	/** The JSON of a version of the form (its draft or published one when no version is named). */
	@Transactional(readOnly = true)
	public String export(UUID formId, @Nullable Integer number) {
		Overview overview = overview(formId);
		if (number == null) {
			return json.write(overview.current());
		}
		return overview.history()
			.stream()
			.filter(v -> v.number() == number)
			.findFirst()
			.map(v -> json.write(definition(v)))
			.orElseThrow(() -> new FormsException("forms.error.not-found", 404));
	}

	// --- offering -------------------------------------------------------------------------------------

	/** Organisations that offer the form, by id. */
	@Transactional(readOnly = true)
	public Set<String> offeredBy(UUID formId) {
		Set<String> result = new TreeSet<>();
		offerings.findByFormId(formId).forEach(o -> result.add(o.organisationId()));
		return result;
	}

	/** Forms the organisation offers. */
	@Transactional(readOnly = true)
	public Set<UUID> offeredByOrganisation(OrganisationId organisation) {
		Set<UUID> result = new java.util.HashSet<>();
		offerings.findByOrganisationId(organisation.value()).forEach(o -> result.add(o.formId()));
		return result;
	}

	/** The caller's organisation offers (or stops offering) a published form. */
	public void offer(UUID formId, boolean offered) {
		OrganisationId organisation = currentUser.organisation()
			.orElseThrow(() -> new FormsException("forms.error.no-organisation", 403));
		offer(organisation, formId, offered);
	}

	void offer(OrganisationId organisation, UUID formId, boolean offered) {
		Form form = forms.findById(formId).orElseThrow(() -> new FormsException("forms.error.not-found", 404));
		FormVersion published = versions.findFirstByFormIdAndStatus(formId, VersionStatus.PUBLISHED)
			.orElseThrow(() -> new FormsException("forms.error.not-published", 409));
		if (!organisations.exists(organisation)) {
			throw new FormsException("forms.error.no-organisation", 403);
		}
		boolean now = offerings.existsByOrganisationIdAndFormId(organisation.value(), formId);
		if (offered && !now) {
			offerings.save(new Offering(organisation.value(), formId, actor()));
			events.publishEvent(new FormDefinitionChanged(form.id(), form.key(), published.number(), "offered",
					actor(), organisation.value(), ""));
		}
		else if (!offered && now) {
			offerings.deleteByOrganisationIdAndFormId(organisation.value(), formId);
			events.publishEvent(new FormDefinitionChanged(form.id(), form.key(), published.number(), "withdrawn",
					actor(), organisation.value(), ""));
		}
	}

	private String actor() {
		return currentUser.principal().isPresent() ? currentUser.actorName() : CurrentUser.SYSTEM;
	}

	private void changed(Form form, FormVersion version, String type, String details) {
		events.publishEvent(new FormDefinitionChanged(form.id(), form.key(), version.number(), type,
				actor(), REGION, details));
	}
}
