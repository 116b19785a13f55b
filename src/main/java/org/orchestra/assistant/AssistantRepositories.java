package org.orchestra.assistant;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Conversations extends JpaRepository<Conversation, UUID> {

	/** The inbox: waiting conversations first, longest waiting first, then the others, most recent first. */
	@Query("""
			select c from Conversation c where c.status in :statuses
			order by case when c.status = org.orchestra.assistant.ConversationStatus.WAITING then 0 else 1 end,
			  c.waitingSince asc, c.updatedAt desc""")
	List<Conversation> inbox(@Param("statuses") Collection<ConversationStatus> statuses, Pageable page);

	long countByStatus(ConversationStatus status);

	List<Conversation> findByCitizenAccountOrderByUpdatedAtDesc(UUID citizenAccount);

	@Query("select c.id from Conversation c where c.status = org.orchestra.assistant.ConversationStatus.CLOSED and c.closedAt < :before")
	List<UUID> closedBefore(@Param("before") Instant before, Pageable page);
}

interface ConversationMessages extends JpaRepository<ConversationMessage, UUID> {

	List<ConversationMessage> findByConversationIdOrderByCreatedAtAsc(UUID conversationId);

	@Modifying
	@Query("delete from ConversationMessage m where m.conversationId in :ids")
	int deleteByConversationIds(@Param("ids") Collection<UUID> ids);
}

interface ReplyTemplates extends JpaRepository<ReplyTemplate, UUID> {

	List<ReplyTemplate> findAllByOrderByLanguageAscTitleAsc();

	List<ReplyTemplate> findByLanguageOrderByTitleAsc(String language);
}
