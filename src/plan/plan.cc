// Filled in by this stage's implementation.
namespace strata {}
