package org.orchestra.opendata.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.orchestra.identity.CurrentUser;
import org.orchestra.opendata.HarvestJob;
import org.orchestra.opendata.HarvestSource;
import org.orchestra.opendata.Harvesting;
import org.orchestra.opendata.Harvesting.SourceSettings;
import org.orchestra.opendata.InvalidHarvestSource;
import org.orchestra.opendata.OpendataException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Harvesting as JSON for the organisation one acts for: its sources, starting a run, following runs and reading
 * their reports. Refusals are problem details with a {@code code} (message key), a {@code detail} in the caller's
 * language and, for invalid settings, the {@code errors} by field.
 */
@RestController
@RequestMapping(path = "/api/opendata/harvest", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasAuthority('opendata.harvest.manage')")
@Tag(name = "Open data harvesting", description = "Harvest sources of the organisation, runs and their reports")
class HarvestApiController {

	private final Harvesting harvesting;
	private final CurrentUser currentUser;
	private final MessageSource messages;

	HarvestApiController(Harvesting harvesting, CurrentUser currentUser, MessageSource messages) {
		this.harvesting = harvesting;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	record JobJson(UUID id, UUID sourceId, String status, String triggeredBy, Instant startedAt,
			@Nullable Instant finishedAt, int pages, int seen, int created, int updated, int unchanged, int withdrawn,
			int failed, @Nullable String message, String link) {

		static JobJson of(HarvestJob j) {
			return new JobJson(j.id(), j.sourceId(), j.status().name(), j.triggeredBy(), j.startedAt(), j.finishedAt(),
					j.pages(), j.seen(), j.created(), j.updated(), j.unchanged(), j.withdrawn(), j.failed(), j.message(),
					"/api/opendata/harvest/runs/" + j.id());
		}
	}

	record SourceJson(UUID id, String name, String kind, String url, String schedule, boolean enabled,
			boolean ownPublisher, int pageSize, int maxPages, int maxMegabytes, int timeoutSeconds,
			@Nullable Instant nextRunAt, @Nullable JobJson lastRun) {

		static SourceJson of(HarvestSource s, @Nullable HarvestJob last) {
			SourceSettings settings = SourceSettings.of(s);
			return new SourceJson(s.id(), s.name(), s.kind().name(), s.url(), s.schedule().name(), s.enabled(),
					settings.ownPublisher(), s.pageSize(), s.maxPages(), settings.maxMegabytes(), s.timeoutSeconds(),
					s.nextRunAt(), last == null ? null : JobJson.of(last));
		}
	}

	/** A source as a client sends it; {@code enabled} and {@code ownPublisher} default to true and false. */
	record SourceBody(@Nullable String name, @Nullable String kind, @Nullable String url, @Nullable String schedule,
			@Nullable Boolean enabled, @Nullable Boolean ownPublisher, @Nullable Integer pageSize,
			@Nullable Integer maxPages, @Nullable Integer maxMegabytes, @Nullable Integer timeoutSeconds) {

		SourceSettings settings() {
			return new SourceSettings(name, kind, url, schedule, enabled == null || enabled, pageSize, maxPages,
					maxMegabytes, timeoutSeconds, ownPublisher != null && ownPublisher);
		}
	}

	record FailureJson(@Nullable String recordId, String reason) {
	}

	record ReportJson(JobJson run, List<FailureJson> failures) {
	}

	@GetMapping("/sources")
	@Operation(summary = "The organisation's harvest sources with their last run")
	List<SourceJson> sources() {
		return harvesting.sources().stream().map(s -> SourceJson.of(s.source(), s.lastJob())).toList();
	}

	@PostMapping(path = "/sources", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Creates a harvest source; limits left out take their defaults")
	ResponseEntity<SourceJson> create(@RequestBody SourceBody body) {
		HarvestSource source = harvesting.create(body.settings(), currentUser.actorName());
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Location", "/api/opendata/harvest/sources/" + source.id())
			.body(SourceJson.of(source, null));
	}

	@GetMapping("/sources/{id}")
	@Operation(summary = "One of the organisation's harvest sources")
	SourceJson source(@PathVariable("id") UUID id) {
		HarvestSource source = found(id);
		List<HarvestJob> runs = harvesting.jobs(id, 1);
		return SourceJson.of(source, runs.isEmpty() ? null : runs.getFirst());
	}

	@PutMapping(path = "/sources/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Changes a harvest source")
	SourceJson update(@PathVariable("id") UUID id, @RequestBody SourceBody body) {
		return SourceJson.of(harvesting.update(id, body.settings(), currentUser.actorName()), null);
	}

	@DeleteMapping("/sources/{id}")
	@Operation(summary = "Deletes a harvest source; the datasets only it gives are withdrawn")
	ResponseEntity<Void> delete(@PathVariable("id") UUID id) {
		harvesting.delete(id, currentUser.actorName());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/sources/{id}/runs")
	@Operation(summary = "The last runs of a source, latest first")
	List<JobJson> runs(@PathVariable("id") UUID id) {
		return harvesting.jobs(id, 50).stream().map(JobJson::of).toList();
	}

	@PostMapping("/sources/{id}/runs")
	@Operation(summary = "Starts a run of a source in the background (409 while one goes on)")
	ResponseEntity<JobJson> start(@PathVariable("id") UUID id) {
		UUID job = harvesting.start(id, currentUser.actorName());
		HarvestJob started = harvesting.job(job).orElseThrow().job();
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.header("Location", "/api/opendata/harvest/runs/" + job)
			.body(JobJson.of(started));
	}

	@GetMapping("/runs/{jobId}")
	@Operation(summary = "A run with its progress and report")
	ReportJson run(@PathVariable("jobId") UUID jobId) {
		Harvesting.JobReport report = harvesting.job(jobId)
			.orElseThrow(() -> new OpendataException("opendata.harvest.error.run-not-found", 404));
		return new ReportJson(JobJson.of(report.job()),
				report.failures().stream().map(f -> new FailureJson(f.recordId(), f.reason())).toList());
	}

	private HarvestSource found(UUID id) {
		return harvesting.source(id).orElseThrow(() -> new OpendataException("opendata.harvest.error.not-found", 404));
	}

	@ExceptionHandler(OpendataException.class)
	ResponseEntity<ProblemDetail> refused(OpendataException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(ex.status()),
				messages.getMessage(ex.messageKey(), null, ex.messageKey(), locale));
		problem.setProperty("code", ex.messageKey());
		if (ex instanceof InvalidHarvestSource invalid) {
			Map<String, String> errors = new LinkedHashMap<>();
			invalid.errors().forEach((field, key) -> errors.put(field, messages.getMessage(key, null, key, locale)));
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(ex.status()).body(problem);
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class })
	ResponseEntity<ProblemDetail> unreadable(Exception ex, Locale locale) {
		return refused(new OpendataException("opendata.harvest.error.unreadable", 400), locale);
	}
}
