import { benchServiceCalls } from './calls';
import { benchCustomFunctions } from './functions';

benchCustomFunctions();
benchServiceCalls();
