// Boost.URL's compiled part, once for the whole program (header-only mode).
#include <boost/url/src.hpp>
