package dev.portdeck.shared.error;

/** Why the panel said no, normalised across the documented contract, Pterodactyl and Pelican. */
public enum RefusalReason {
    /** TooManyAllocationsException, or DisplayException "...limit has been reached." */
    LIMIT_REACHED,
    /** CannotDeletePrimaryAllocationException, or DisplayException "You cannot delete the primary allocation...". */
    PRIMARY_UNDELETABLE,
    /** ConflictingServerStateException (400): the server must be stopped first. */
    SERVER_MUST_BE_STOPPED,
    /** ServerStateConflictException (409): suspended, installing, transferring, restoring, node in maintenance. */
    SERVER_STATE_CONFLICT,
    /** AllocationNotAvailableException (409): the requested ip:port is taken. */
    ALLOCATION_NOT_AVAILABLE,
    /** NoAvailableAllocationsException (503) or NoAutoAllocationSpaceAvailableException (400). */
    NO_FREE_ALLOCATIONS,
    /** AutoAllocationNotEnabledException. */
    AUTO_ALLOCATION_DISABLED,
    /** DisplayException "You cannot delete allocations for this server: no allocation limit is set." */
    NO_ALLOCATION_LIMIT_SET,
    /** ValidationException (422). */
    VALIDATION,
    /** Anything else the panel refused with an error envelope. */
    OTHER
}
