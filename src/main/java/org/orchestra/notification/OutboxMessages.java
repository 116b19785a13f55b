package org.orchestra.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.orchestra.shared.Inserts;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboxMessages extends JpaRepository<OutboxMessage, UUID>, Inserts<OutboxMessage> {

	@Query("select m.id from OutboxMessage m where m.status = org.orchestra.notification.MessageStatus.PENDING "
			+ "and m.nextAttemptAt <= :now order by m.nextAttemptAt")
	List<UUID> due(@Param("now") Instant now, Pageable page);

	/** Claims a message for delivery; 0 when another worker or node already took it. */
	@Modifying
	@Query("update OutboxMessage m set m.status = org.orchestra.notification.MessageStatus.SENDING, "
			+ "m.nextAttemptAt = :lease, m.version = m.version + 1 "
			+ "where m.id = :id and m.status = org.orchestra.notification.MessageStatus.PENDING")
	int claim(@Param("id") UUID id, @Param("lease") Instant lease);

	List<OutboxMessage> findTop200ByOrderByCreatedAtDesc();

	@Query("select m from OutboxMessage m where m.status = org.orchestra.notification.MessageStatus.SENT "
			+ "and m.erased = false and m.sentAt < :before")
	List<OutboxMessage> deliveredBefore(@Param("before") Instant before, Pageable page);

	/** Messages whose delivery lease ran out (the worker stopped mid-delivery): back to pending. */
	@Modifying
	@Query("update OutboxMessage m set m.status = org.orchestra.notification.MessageStatus.PENDING, "
			+ "m.version = m.version + 1 "
			+ "where m.status = org.orchestra.notification.MessageStatus.SENDING and m.nextAttemptAt < :now")
	int releaseExpiredLeases(@Param("now") Instant now);
}
