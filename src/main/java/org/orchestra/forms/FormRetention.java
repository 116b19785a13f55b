package org.orchestra.forms;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.orchestra.forms.FormDefinition.Field;
import org.orchestra.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases the personal answers of sent submissions once their form's retention period has passed. Kept: ids,
 * dates, status, version, non-personal answers and the audit trail. Runs every night and on an administrator's
 * request; running it twice erases nothing more.
 */
@Service
public class FormRetention {

	private static final Logger LOG = LoggerFactory.getLogger(FormRetention.class);

	private final Forms forms;
	private final FormVersions versions;
	private final Submissions submissions;
	private final FormDesign design;
	private final FormsJson json;
	private final CurrentUser currentUser;
	private final ApplicationEventPublisher events;

	FormRetention(Forms forms, FormVersions versions, Submissions submissions, FormDesign design, FormsJson json,
			CurrentUser currentUser, ApplicationEventPublisher events) {
		this.forms = forms;
		this.versions = versions;
		this.submissions = submissions;
		this.design = design;
		this.json = json;
		this.currentUser = currentUser;
		this.events = events;
	}

	@Scheduled(cron = "${orchestra.forms.retention-cron:0 30 2 * * *}")
	void nightly() {
		int erased = run(Instant.now());
		if (erased > 0) {
			LOG.info("Erased the personal answers of {} form submissions past their retention period", erased);
		}
	}

	/** Erases what is due at the given moment; returns the number of submissions erased. */
	@Transactional
	public int run(Instant now) {
		int total = 0;
		String actor = currentUser.principal().isPresent() ? currentUser.actorName() : CurrentUser.SYSTEM;
		for (Form form : forms.findAll()) {
			FormVersion rule = versions.findFirstByFormIdAndStatus(form.id(), VersionStatus.PUBLISHED).orElse(null);
			if (rule == null) {
				continue;
			}
			Integer days = design.definition(rule).retentionDays();
			if (days == null) {
				continue;
			}
			int count = 0;
			for (Submission submission : submissions.dueForErasure(form.id(), now.minus(Duration.ofDays(days)))) {
				FormVersion version = versions.findById(submission.versionId()).orElseThrow();
				FormDefinition definition = design.definition(version);
				Map<String, Answer> kept = new LinkedHashMap<>(json.readAnswers(submission.answersJson()));
				for (Field field : definition.fields()) {
					if (field.personal()) {
						kept.remove(field.key());
					}
				}
				submission.erase(json.writeAnswers(kept));
				count++;
			}
			if (count > 0) {
				events.publishEvent(new FormDefinitionChanged(form.id(), form.key(), rule.number(), "erased", actor,
						FormDesign.REGION, count + " submissions"));
			}
			total += count;
		}
		return total;
	}
}
