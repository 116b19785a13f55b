package org.orchestra.audit.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.orchestra.audit.AuditEntry;
import org.orchestra.audit.AuditScope;
import org.orchestra.audit.AuditTrail;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for auditors' tools. */
@RestController
@RequestMapping(path = "/api/audit", produces = "application/json")
@Tag(name = "Audit", description = "Hash-chained audit trail")
class AuditApiController {

	private final AuditTrail trail;
	private final AuditScope scope;

	AuditApiController(AuditTrail trail, AuditScope scope) {
		this.trail = trail;
		this.scope = scope;
	}

	@GetMapping("/entries")
	@PreAuthorize("hasAuthority('audit.read')")
	@Operation(summary = "Entries of the trail, newest first, filtered")
	EntriesJson entries(@RequestParam(name = "organisation", required = false) @Nullable String organisation,
			@RequestParam(name = "actor", required = false) @Nullable String actor,
			@RequestParam(name = "action", required = false) @Nullable String action,
			@RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			@RequestParam(name = "page", defaultValue = "0") int page,
			@RequestParam(name = "size", defaultValue = "50") int size) {
		Page<AuditEntry> result = trail.search(
				new AuditTrail.Filter(scope.organisationFilter(organisation), actor, action, from, to),
				PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500)));
		return new EntriesJson(result.getTotalElements(), result.getNumber(),
				result.getContent().stream().map(EntryJson::of).toList());
	}

	@GetMapping("/verification")
	@PreAuthorize("hasAuthority('audit.verify')")
	@Operation(summary = "Verify the integrity of the whole chain")
	AuditTrail.Verification verification() {
		return trail.verify();
	}

	record EntriesJson(long total, int page, List<EntryJson> entries) {
	}

	record EntryJson(long seq, Instant occurredAt, String actor, @Nullable String organisation, String action,
			String targetType, String targetId, String outcome, String details, String hash) {

		static EntryJson of(AuditEntry e) {
			return new EntryJson(e.seq(), e.occurredAt(), e.actor(), e.organisationId(), e.action(), e.targetType(),
					e.targetId(), e.outcome(), e.details(), e.hash());
		}
	}
}
