#ifndef NEWSCONV_FUZZ_DRIVER_H
#define NEWSCONV_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

// SwiftPM links every executable target with `main` renamed to `<Target>_main`, which hides
// libFuzzer's own `main`. Each fuzz target therefore defines `<Target>_main` and calls this,
// which runs libFuzzer on the target's `LLVMFuzzerTestOneInput`.
int newsconv_fuzz_driver_main(int argc, char **argv);

// libFuzzer's own mutation of `data` (for a custom mutator that repairs what it breaks).
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);

#endif
