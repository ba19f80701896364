/*
 * Benchmark helper: the machine's own ceiling for a loopback connect sweep, with no JVM. THREADS threads share the
 * ports 127.0.0.1:FROM-TO; each port gets what the engine's sweep does per port (a non-blocking socket, connect, a poll
 * for the answer, SO_ERROR, SO_LINGER 0 when it connected, close). ROUNDS sweeps; prints the median and best time and
 * the rate, and how many ports were open (to compare with the listeners). Sends traffic to 127.0.0.1 only.
 * Usage: gcc -O2 -pthread -o connect-loop bench/connect-loop.c && ./connect-loop FROM TO THREADS ROUNDS
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int from, to;
static atomic_int next_port;
static atomic_int open_ports;

static int probe(int port) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        perror("socket");
        exit(1);
    }
    struct sockaddr_in to_addr = {.sin_family = AF_INET, .sin_port = htons(port)};
    to_addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int err = 0;
    if (connect(fd, (struct sockaddr *)&to_addr, sizeof to_addr) < 0) {
        err = errno;
        if (err == EINPROGRESS) {
            struct pollfd p = {.fd = fd, .events = POLLOUT};
            if (poll(&p, 1, 1000) == 1) { /* at most a second, as the engine's default timeout */
                socklen_t len = sizeof err;
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
            } else {
                err = ETIMEDOUT;
            }
        }
    }
    if (err == 0) {
        struct linger zero = {1, 0};
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &zero, sizeof zero);
    }
    close(fd);
    return err == 0;
}

static void *sweep(void *unused) {
    (void)unused;
    for (int port; (port = atomic_fetch_add(&next_port, 1)) <= to;) {
        if (probe(port)) {
            atomic_fetch_add(&open_ports, 1);
        }
    }
    return NULL;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s FROM TO THREADS ROUNDS\n", argv[0]);
        return 2;
    }
    from = atoi(argv[1]);
    to = atoi(argv[2]);
    int threads = atoi(argv[3]), rounds = atoi(argv[4]);
    if (from < 1 || to > 65535 || to < from || threads < 1 || threads > 16 || rounds < 1 || rounds > 100) {
        fprintf(stderr, "connect-loop: ports 1-65535, 1-16 threads, 1-100 rounds\n");
        return 2;
    }
    double took[100];
    int found = 0;
    for (int r = 0; r < rounds; r++) {
        atomic_store(&next_port, from);
        atomic_store(&open_ports, 0);
        pthread_t t[16];
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        for (int i = 0; i < threads; i++) {
            pthread_create(&t[i], NULL, sweep, NULL);
        }
        for (int i = 0; i < threads; i++) {
            pthread_join(t[i], NULL);
        }
        clock_gettime(CLOCK_MONOTONIC, &b);
        took[r] = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
        found = atomic_load(&open_ports);
    }
    qsort(took, rounds, sizeof took[0], by_value);
    double median = took[rounds / 2];
    printf("native loop, %d thread%s: %d connects, median %.1f ms (best %.1f ms) = %.0f connects/s; %d open\n", threads,
           threads == 1 ? "" : "s", to - from + 1, median, took[0], (to - from + 1) / (median / 1e3), found);
    return 0;
}
