#include "TestResult.h"
