#include "FuzzDriver.h"
#include <stddef.h>
#include <stdint.h>

// Both come from the link: the first from the fuzz target, the second from libFuzzer
// (-sanitize=fuzzer).
extern int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test)(const uint8_t *data, size_t size));

int newsconv_fuzz_driver_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
