/**
 * What the sidebar's first-run view calls besides the SidebarApi: loading the example partnership
 * into a spreadsheet that is not set up, answered with the home view so one round trip suffices.
 */
import { loadExamplePartnership } from '../workbook/load-example';
import type { HomeView } from './api';
import { SIDEBAR_HANDLERS } from './handlers';

export interface FirstRunApi {
  loadExample(): HomeView;
}

export const FIRST_RUN_HANDLERS: FirstRunApi = {
  loadExample() {
    loadExamplePartnership();
    return SIDEBAR_HANDLERS.loadHome();
  },
};
